using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Server.Auth;
using CharityDay.Server.Endpoints;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Baselines;

/// <summary>
/// The naive peer: the same HTTP shape as the real routes, but each pledge is one database
/// transaction that inserts it and adds it to a single totals row, with no grains and no batching.
/// It is what a simple implementation would do, kept here to measure the real path against.
/// </summary>
public static class NaivePeerBaseline
{
    public const string Name = "naive";

    public static void MapNaivePeerBaseline(this IEndpointRouteBuilder baselines)
    {
        var events = baselines.MapGroup("/naive/events/{eventId}");
        events.MapPost("/pledges", RecordPledgeAsync).RequireAuthorization(Roles.StaffPolicy);
        events.MapPost("/donations", RecordDonationAsync);
        events.MapGet("/total", GetTotalAsync).RequireAuthorization(Roles.AdminPolicy);
    }

    private static async Task<Results<Created<BaselineAck>, Ok<BaselineAck>, ProblemHttpResult>> RecordPledgeAsync(
        string eventId, PledgeRequest request, ClaimsPrincipal user, IOptions<CharityDayOptions> options, NaivePeerStore store, CancellationToken cancellationToken)
    {
        if (!BaselineInput.IsValidPledge(eventId, request, options.Value))
        {
            return BaselineInput.Refused();
        }

        if (!user.IsOperatorOf(eventId, request.DeskId!))
        {
            return Problems.WrongDesk();
        }

        var recorded = await store.RecordAsync(
            eventId, request.PledgeId!, request.DeskId!, PledgeChannel.Stage, request.AmountFen, request.DonorName ?? "", cancellationToken);
        return Answer(eventId, request.PledgeId!, recorded);
    }

    private static async Task<Results<Created<BaselineAck>, Ok<BaselineAck>, ProblemHttpResult>> RecordDonationAsync(
        string eventId, DonationRequest request, IOptions<CharityDayOptions> options, NaivePeerStore store, CancellationToken cancellationToken)
    {
        if (!BaselineInput.IsValidDonation(eventId, request, options.Value))
        {
            return BaselineInput.Refused();
        }

        var recorded = await store.RecordAsync(
            eventId, request.DonationId!, "online", PledgeChannel.Online, request.AmountFen, request.DonorName ?? "", cancellationToken);
        return Answer(eventId, request.DonationId!, recorded);
    }

    private static async Task<Ok<NaiveTotal>> GetTotalAsync(string eventId, NaivePeerStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.TotalAsync(eventId, cancellationToken));

    /// <summary>A repeated id is answered 200 and adds nothing: the one idempotency a simple design still has.</summary>
    private static Results<Created<BaselineAck>, Ok<BaselineAck>, ProblemHttpResult> Answer(string eventId, string pledgeId, bool recorded) =>
        recorded
            ? TypedResults.Created($"/api/events/{eventId}/pledges/{pledgeId}", new BaselineAck(pledgeId, Name, true))
            : TypedResults.Ok(new BaselineAck(pledgeId, Name, false));
}
