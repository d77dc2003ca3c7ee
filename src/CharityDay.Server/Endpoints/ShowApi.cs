using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The screen controller's console (the event's controller, or the admin): the scene on the big screen
/// and its milestone celebrations. A change is part of the event's definition, so it reaches every
/// screen on every node with the total's next push, and a reconnecting screen gets it in its snapshot.
/// </summary>
public static class ShowApi
{
    public static void MapShowApi(this RouteGroupBuilder events)
    {
        events.MapPut("/{eventId}/show", SetSceneAsync).RequireAuthorization(Roles.ShowPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPost("/{eventId}/show/celebrations", CelebrateAsync).RequireAuthorization(Roles.ShowPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ShowState>, ValidationProblem, ProblemHttpResult>> SetSceneAsync(
        string eventId, ShowRequest request, ClaimsPrincipal user, EventCatalog catalog, IGrainFactory grains,
        IOptions<CharityDayOptions> options, TimeProvider clock)
    {
        var errors = new InputErrors();
        // The hold switch alone leaves the scene (and a round's start) as the grain has it, whatever this console last saw.
        var holdOnly = request is { Scene: null, HoldCelebrations: not null };
        if (!holdOnly && (request.Scene is not { } scene || !Enum.IsDefined(scene)))
        {
            errors.Add("scene", "请选择画面：total、tierRound、honourRoll、thanks 或 messages (one of: total, tierRound, honourRoll, thanks, messages)");
        }
        else if (request.Scene == SceneKind.TierRound)
        {
            InputRules.Amount(errors, "tierFen", request.TierFen ?? 0, options.Value.MaxAmountFen);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await RefusedAsync(eventId, user, catalog) is { } refusal)
        {
            return refusal;
        }

        var tierFen = request.Scene == SceneKind.TierRound ? request.TierFen!.Value : 0;
        return await ChangeAsync(eventId, grains, new ShowChange(request.Scene, tierFen, request.HoldCelebrations, null, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<ShowState>, ValidationProblem, ProblemHttpResult>> CelebrateAsync(
        string eventId, CelebrationRequest request, ClaimsPrincipal user, EventCatalog catalog, IGrainFactory grains, TimeProvider clock)
    {
        if (request.MilestoneFen is not { } milestone || milestone <= 0)
        {
            var errors = new InputErrors();
            errors.Add("milestoneFen", "请选择要庆祝的里程碑 (choose a milestone to celebrate)");
            return errors.ToProblem();
        }

        if (await RefusedAsync(eventId, user, catalog) is { } refusal)
        {
            return refusal;
        }

        // Never celebrate money that does not exist: the milestone must be the event's, and the total past it.
        var total = await grains.GetGrain<IEventTotalGrain>(eventId).GetSnapshotAsync();
        if (!total.MilestonesReached.Contains(milestone))
        {
            return Problems.Conflict("总额尚未达到这个里程碑 (milestone not reached)",
                $"The total has not reached the milestone of {milestone} fen, or the event has no such milestone.");
        }

        return await ChangeAsync(eventId, grains, new ShowChange(null, 0, null, milestone, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<ShowState>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string eventId, IGrainFactory grains, ShowChange change) =>
        (await grains.GetGrain<IEventGrain>(eventId).ChangeShowAsync(change)).Event is { } definition
            ? TypedResults.Ok(definition.ShowOrDefault)
            : Problems.EventNotFound(eventId);

    private static Task<ProblemHttpResult?> RefusedAsync(string eventId, ClaimsPrincipal user, EventCatalog catalog) =>
        StaffScope.RefusedAsync(user.MayControlShow(eventId), eventId, catalog,
            "无权控制此活动的大屏 (not your event)", "This token controls another event's screens.");
}
