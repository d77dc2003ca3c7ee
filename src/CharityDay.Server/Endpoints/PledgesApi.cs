using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Pledge intake: stage pledges from desk operators, and voids (online donations: <see cref="DonationsApi"/>).
/// Each answer is given only after the ledger holds the entry; a retry with the same id gets the
/// first answer (200), the same id with other content gets 409.
/// </summary>
public static class PledgesApi
{
    public static RouteGroupBuilder MapPledgesApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{eventId}").WithTags("Pledges");
        events.MapPost("/pledges", RecordPledgeAsync).RequireAuthorization(Roles.StaffPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/pledges/{pledgeId}/void", VoidPledgeAsync).RequireAuthorization(Roles.StaffPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapGet("/desks/{deskId}/pledges", ListDeskPledgesAsync).RequireAuthorization(Roles.StaffPolicy);
        events.MapSimilarPledges();                                               // "desk 2 took this placard a minute ago"
        return events;
    }

    private static async Task<Results<Created<PledgeView>, Ok<PledgeView>, ValidationProblem, ProblemHttpResult>> RecordPledgeAsync(
        string eventId, PledgeRequest request, ClaimsPrincipal user, EventCatalog catalog, IOptions<CharityDayOptions> options)
    {
        var errors = new InputErrors();
        if (!InputRules.IsClientId(request.PledgeId))
        {
            errors.Add("pledgeId", "认捐编号须为 8–64 位字母、数字、- 或 _ (8–64 letters, digits, - or _)");
        }

        if (!InputRules.IsSlug(request.DeskId))
        {
            errors.Add("deskId", "录入台编号无效 (invalid desk id)");
        }

        InputRules.Amount(errors, "amountFen", request.AmountFen, options.Value.MaxAmountFen);
        var donorName = InputRules.Text(errors, "donorName", request.DonorName, InputRules.NameMaxLength, required: !request.Anonymous);
        var representative = InputRules.Text(errors, "representative", request.Representative, InputRules.NameMaxLength, required: false);
        var note = InputRules.Text(errors, "note", request.Note, InputRules.NoteMaxLength, required: false);
        if (request.DonorKind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("donorKind", "捐赠方类型须为 enterprise、organization 或 individual");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await catalog.FindAsync(eventId, request.DeskId) is not { } definition)
        {
            return Problems.EventNotFound(eventId);
        }

        if (!EventCatalog.HasDesk(definition, request.DeskId!))
        {
            return Problems.DeskNotFound(request.DeskId!);
        }

        if (!user.IsOperatorOf(eventId, request.DeskId!))
        {
            return Problems.WrongDesk();
        }

        var draft = new PledgeDraft(request.PledgeId!, request.DeskId!, PledgeChannel.Stage, request.AmountFen, donorName ?? "",
            request.DonorKind!.Value, request.Anonymous, representative, note, user.Actor());
        var outcome = await catalog.Desk(eventId, draft.DeskId).RecordAsync(draft);
        return Answer(eventId, draft, outcome);
    }

    private static async Task<Results<Ok<VoidView>, ValidationProblem, ProblemHttpResult>> VoidPledgeAsync(
        string eventId, string pledgeId, VoidRequest request, ClaimsPrincipal user, EventCatalog catalog, IPledgeLedger ledger)
    {
        var errors = new InputErrors();
        var reason = InputRules.Text(errors, "reason", request.Reason, InputRules.NoteMaxLength, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!InputRules.IsClientId(pledgeId))
        {
            return Problems.PledgeNotFound(pledgeId);
        }

        if (await catalog.CurrentAsync(eventId) is not { } current)
        {
            return Problems.EventNotFound(eventId);
        }

        var found = await ledger.FindAsync(eventId, [pledgeId]);
        if (!found.TryGetValue(pledgeId, out var record))
        {
            return Problems.PledgeNotFound(pledgeId);
        }

        if (!user.IsInRole(Roles.Admin) && !user.IsOperatorOf(eventId, record.Pledge.DeskId))
        {
            return Problems.WrongDesk();
        }

        // After the close the ledger is the admin's: a desk can no longer take money off the total.
        if (current.Status == EventStatus.Closed && !user.IsInRole(Roles.Admin))
        {
            return Problems.ClosedForOperators();
        }

        var outcome = await catalog.Desk(eventId, record.Pledge.DeskId).VoidAsync(pledgeId, reason!, user.Actor());
        return outcome.Kind switch
        {
            VoidOutcomeKind.Voided or VoidOutcomeKind.AlreadyVoided => TypedResults.Ok(
                new VoidView(PledgeView.From(eventId, outcome.Pledge!), outcome.Reason!, outcome.VoidedBy!, outcome.VoidedAt!.Value)),
            VoidOutcomeKind.EventNotFound => Problems.EventNotFound(eventId),
            _ => Problems.PledgeNotFound(pledgeId),
        };
    }

    /// <summary>The operator console's list of what this desk recorded, newest first.</summary>
    private static async Task<Results<Ok<DeskPledgeView[]>, ValidationProblem, ProblemHttpResult>> ListDeskPledgesAsync(
        string eventId, string deskId, ClaimsPrincipal user, IPledgeLedger ledger, EventCatalog catalog, int limit = 50)
    {
        if (limit is < 1 or > 500)
        {
            var errors = new InputErrors();
            errors.Add("limit", "limit 介于 1 与 500 之间 (1 ≤ limit ≤ 500)");
            return errors.ToProblem();
        }

        if (!user.IsInRole(Roles.Admin) && !user.IsOperatorOf(eventId, deskId))
        {
            return Problems.WrongDesk();
        }

        // The run the desk takes pledges into now: a rehearsal's list empties at its reset.
        var run = (await catalog.CurrentAsync(eventId))?.CurrentRun ?? EventDefinition.LiveRun;
        var records = InputRules.IsSlug(eventId) && InputRules.IsSlug(deskId) ? await ledger.DeskPledgesAsync(eventId, deskId, limit, run) : [];
        return TypedResults.Ok(records.Select(r => new DeskPledgeView(
            PledgeView.From(eventId, r.Pledge.ToPledge(r.Void is null ? PledgeStatus.Confirmed : PledgeStatus.Voided)),
            r.Void?.Note, r.Void?.Actor, r.Void?.RecordedAt)).ToArray());
    }

    private static Results<Created<PledgeView>, Ok<PledgeView>, ValidationProblem, ProblemHttpResult> Answer(
        string eventId, PledgeDraft draft, PledgeOutcome outcome) => outcome.Kind switch
        {
            PledgeOutcomeKind.Recorded => TypedResults.Created($"/api/events/{eventId}/pledges/{draft.PledgeId}", PledgeView.From(eventId, outcome.Pledge!)),
            PledgeOutcomeKind.Replayed => TypedResults.Ok(PledgeView.From(eventId, outcome.Pledge!)),
            PledgeOutcomeKind.Conflict => Problems.IdConflict(draft.PledgeId),
            PledgeOutcomeKind.EventNotLive => Problems.EventNotLive(eventId),
            PledgeOutcomeKind.DeskNotFound => Problems.DeskNotFound(draft.DeskId),
            PledgeOutcomeKind.RehearsalOver => Problems.RehearsalOver(draft.PledgeId),
            _ => Problems.EventNotFound(eventId),
        };
}
