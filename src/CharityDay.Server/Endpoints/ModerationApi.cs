using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Grains.Moderation;
using CharityDay.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Name moderation (the event's moderator, or the admin): the queue newest first, a decision per pledge,
/// and the admin's setting that holds stage names too. A decision reaches every screen and phone with
/// the total's next push; the ledger, the audit and the CSV keep what the donor typed.
/// </summary>
public static class ModerationApi
{
    private const int MaxQueue = 500;

    public static void MapModerationApi(this RouteGroupBuilder events)
    {
        events.MapGet("/{eventId}/moderation", QueueAsync).RequireAuthorization(Roles.ModerationPolicy);
        events.MapPost("/{eventId}/moderation/{pledgeId}", DecideAsync).RequireAuthorization(Roles.ModerationPolicy);
        events.MapGet("/{eventId}/moderation/settings", GetSettingsAsync).RequireAuthorization(Roles.ModerationPolicy);
        events.MapPut("/{eventId}/moderation/settings", SetSettingsAsync).RequireAuthorization(Roles.AdminPolicy);
    }

    private static async Task<Results<Ok<ModerationEntryView[]>, ValidationProblem, ProblemHttpResult>> QueueAsync(
        string eventId, ClaimsPrincipal user, EventCatalog catalog, IGrainFactory grains, SqlModeration moderation,
        string? state = null, int limit = 100)
    {
        var errors = new InputErrors();
        var wanted = ModerationState.Pending;
        if (state is not null && !ModerationStates.TryParse(state, out wanted))
        {
            errors.Add("state", "state 只能是 pending、approved 或 hidden (one of: pending, approved, hidden)");
        }

        if (limit is < 1 or > MaxQueue)
        {
            errors.Add("limit", $"limit 介于 1 与 {MaxQueue} 之间 (1 ≤ limit ≤ {MaxQueue})");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await RefusedAsync(eventId, user, catalog) is { } refusal)
        {
            return refusal;
        }

        var run = (await catalog.CurrentAsync(eventId))?.CurrentRun ?? 0;
        var settings = await grains.GetGrain<IModerationGrain>(eventId).GetSettingsAsync();
        var entries = await moderation.QueueAsync(eventId, run, wanted, settings.ModerateStageNames, limit);
        return TypedResults.Ok(entries.Select(ModerationEntryView.From).ToArray());
    }

    private static async Task<Results<Ok<ModerationDecisionView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string eventId, string pledgeId, ModerationRequest request, ClaimsPrincipal user, EventCatalog catalog, IGrainFactory grains)
    {
        var errors = new InputErrors();
        if (!InputRules.IsClientId(pledgeId))
        {
            errors.Add("pledgeId", "认捐编号格式不对 (not a pledge id)");
        }

        string? displayName = null;
        if (request.Action is null)
        {
            errors.Add("action", "必填：approve、hide 或 rename (required: approve, hide or rename)");
        }
        else if (request.Action == ModerationAction.Rename)
        {
            displayName = InputRules.Text(errors, "displayName", request.DisplayName, InputRules.NameMaxLength, required: true);
        }
        else if (request.DisplayName is not null)
        {
            errors.Add("displayName", "只有 rename 才带显示名 (a display name goes with rename only)");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await RefusedAsync(eventId, user, catalog) is { } refusal)
        {
            return refusal;
        }

        var outcome = await grains.GetGrain<IModerationGrain>(eventId).DecideAsync(
            pledgeId, request.Action == ModerationAction.Hide ? ModerationState.Hidden : ModerationState.Approved, displayName, user.Actor());
        return outcome switch
        {
            { Kind: ModerationOutcomeKind.Done, Decision: { } decision } => TypedResults.Ok(ModerationDecisionView.From(decision)),
            { Kind: ModerationOutcomeKind.DonorIsAnonymous } => Problems.Conflict("捐赠人选择了匿名，不能设置显示名 (the donor gave anonymously; no display name)",
                "The donor chose to give anonymously: the name stays a stand-in. Nothing was changed."),
            _ => Problems.PledgeNotFound(pledgeId),
        };
    }

    private static async Task<Results<Ok<ModerationSettingsView>, ProblemHttpResult>> GetSettingsAsync(
        string eventId, ClaimsPrincipal user, EventCatalog catalog, IGrainFactory grains)
    {
        if (await RefusedAsync(eventId, user, catalog) is { } refusal)
        {
            return refusal;
        }

        var settings = await grains.GetGrain<IModerationGrain>(eventId).GetSettingsAsync();
        return TypedResults.Ok(new ModerationSettingsView(settings.ModerateStageNames));
    }

    private static async Task<Results<Ok<ModerationSettingsView>, ValidationProblem, ProblemHttpResult>> SetSettingsAsync(
        string eventId, ModerationSettingsRequest request, EventCatalog catalog, IGrainFactory grains)
    {
        if (request.ModerateStageNames is not { } moderateStageNames)
        {
            var errors = new InputErrors();
            errors.Add("moderateStageNames", "必填 (required)");
            return errors.ToProblem();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var settings = await grains.GetGrain<IModerationGrain>(eventId).SetSettingsAsync(moderateStageNames);
        return TypedResults.Ok(new ModerationSettingsView(settings.ModerateStageNames));
    }

    private static Task<ProblemHttpResult?> RefusedAsync(string eventId, ClaimsPrincipal user, EventCatalog catalog) =>
        StaffScope.RefusedAsync(user.MayModerate(eventId), eventId, catalog, "无权审核此活动 (not your event)", "This token moderates another event.");
}
