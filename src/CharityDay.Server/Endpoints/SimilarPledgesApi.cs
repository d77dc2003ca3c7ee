using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The operator console asks before it records a placard: the same donor and amount taken by any desk
/// in the last five minutes gets a warning the operator must confirm. Only a question: the intake path
/// (exactly-once, group commit) is untouched, and a desk that cannot reach the server records anyway.
/// </summary>
public static class SimilarPledgesApi
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static void MapSimilarPledges(this RouteGroupBuilder events) =>
        events.MapPost("/pledges/similar", FindAsync).RequireAuthorization(Roles.StaffPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SimilarPledgesView>, ValidationProblem, ProblemHttpResult>> FindAsync(
        string eventId, SimilarPledgesRequest request, ClaimsPrincipal user, EventCatalog catalog,
        RecentStagePledges recent, TimeProvider clock, IOptions<CharityDayOptions> options)
    {
        var errors = new InputErrors();
        if (!InputRules.IsSlug(request.DeskId))
        {
            errors.Add("deskId", "录入台编号无效 (invalid desk id)");
        }

        InputRules.Amount(errors, "amountFen", request.AmountFen, options.Value.MaxAmountFen);
        var donorName = InputRules.Text(errors, "donorName", request.DonorName, InputRules.NameMaxLength, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var deskId = request.DeskId!;
        if (!user.IsOperatorOf(eventId, deskId))
        {
            return Problems.WrongDesk();
        }

        if (await catalog.FindAsync(eventId, deskId) is not { } definition)
        {
            return Problems.EventNotFound(eventId);
        }

        // The run as the event grain holds it now (this node's copy may predate a rehearsal's reset).
        var run = (await catalog.CurrentAsync(eventId))?.CurrentRun ?? EventDefinition.LiveRun;
        var found = await recent.SameDonorAsync(eventId, donorName!, request.AmountFen, clock.GetUtcNow() - Window, run);
        var deskNames = definition.Desks.ToDictionary(desk => desk.DeskId, desk => desk.Name);
        return TypedResults.Ok(new SimilarPledgesView((int)Window.TotalMinutes, [.. found.Select(match => new SimilarPledgeView(
            match.PledgeId, match.DeskId, deskNames.GetValueOrDefault(match.DeskId, match.DeskId), match.DonorName, match.AmountFen, match.RecordedAt))]));
    }
}
