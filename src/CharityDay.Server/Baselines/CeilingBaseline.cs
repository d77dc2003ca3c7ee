using System.Security.Claims;
using CharityDay.Server.Auth;
using CharityDay.Server.Endpoints;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Baselines;

/// <summary>
/// The ceiling: the pledge and donation routes' HTTP shape (same auth, same JSON bodies, 201 with a
/// small JSON answer) with no grain call and no database, i.e. what Kestrel and this pipeline can
/// take on this machine at all.
/// </summary>
public static class CeilingBaseline
{
    public const string Name = "ceiling";

    public static void MapCeilingBaseline(this IEndpointRouteBuilder baselines)
    {
        var events = baselines.MapGroup("/ceiling/events/{eventId}");
        events.MapPost("/pledges", RecordPledge).RequireAuthorization(Roles.StaffPolicy);
        events.MapPost("/donations", RecordDonation);
    }

    private static Results<Created<BaselineAck>, ProblemHttpResult> RecordPledge(string eventId, PledgeRequest request, ClaimsPrincipal user, IOptions<CharityDayOptions> options)
    {
        if (!BaselineInput.IsValidPledge(eventId, request, options.Value))
        {
            return BaselineInput.Refused();
        }

        return user.IsOperatorOf(eventId, request.DeskId!)
            ? TypedResults.Created($"/api/events/{eventId}/pledges/{request.PledgeId}", new BaselineAck(request.PledgeId!, Name, true))
            : Problems.WrongDesk();
    }

    private static Results<Created<BaselineAck>, ProblemHttpResult> RecordDonation(string eventId, DonationRequest request, IOptions<CharityDayOptions> options) =>
        BaselineInput.IsValidDonation(eventId, request, options.Value)
            ? TypedResults.Created($"/api/events/{eventId}/pledges/{request.DonationId}", new BaselineAck(request.DonationId!, Name, true))
            : BaselineInput.Refused();
}
