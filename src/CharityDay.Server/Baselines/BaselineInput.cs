using CharityDay.Server.Endpoints;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Baselines;

/// <summary>
/// The checks both baselines make on a parsed body: the cheap part of the real route's validation,
/// so the comparison keeps the JSON and rule work and drops only the grains and the ledger.
/// </summary>
internal static class BaselineInput
{
    public static bool IsValidPledge(string eventId, PledgeRequest request, CharityDayOptions options) =>
        InputRules.IsSlug(eventId) && InputRules.IsClientId(request.PledgeId) && InputRules.IsSlug(request.DeskId)
        && request.AmountFen > 0 && request.AmountFen <= options.MaxAmountFen && request.DonorKind is { } kind && Enum.IsDefined(kind)
        && (request.Anonymous || !string.IsNullOrWhiteSpace(request.DonorName));

    public static bool IsValidDonation(string eventId, DonationRequest request, CharityDayOptions options) =>
        InputRules.IsSlug(eventId) && InputRules.IsClientId(request.DonationId) && request.AmountFen > 0 && request.AmountFen <= options.MaxAmountFen;

    public static ProblemHttpResult Refused() => TypedResults.Problem(
        "The baseline accepts the same bodies as the real route.", statusCode: StatusCodes.Status400BadRequest,
        title: "输入有误 (invalid input)");
}
