using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>The RFC 7807 answers the API gives, titled Chinese first.</summary>
public static class Problems
{
    public static ProblemHttpResult EventNotFound(string eventId) =>
        TypedResults.Problem($"Event '{eventId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "活动不存在 (event not found)");

    public static ProblemHttpResult DeskNotFound(string deskId) =>
        TypedResults.Problem($"Desk '{deskId}' does not exist in this event.", statusCode: StatusCodes.Status404NotFound, title: "录入台不存在 (desk not found)");

    public static ProblemHttpResult PledgeNotFound(string pledgeId) =>
        TypedResults.Problem($"Pledge '{pledgeId}' is not in the ledger.", statusCode: StatusCodes.Status404NotFound, title: "认捐不存在 (pledge not found)");

    public static ProblemHttpResult EventNotLive(string eventId) =>
        TypedResults.Problem($"Event '{eventId}' is not open for pledges.", statusCode: StatusCodes.Status409Conflict, title: "活动未开放或已结束 (event is not live)");

    public static ProblemHttpResult ClosedForOperators() =>
        TypedResults.Problem("The event is closed: only the event admin may void a pledge now.", statusCode: StatusCodes.Status409Conflict,
            title: "活动已结束，只有管理员可以作废 (the event is closed; only the admin may void)");

    public static ProblemHttpResult StatusRefused(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult IdConflict(string pledgeId) =>
        TypedResults.Problem(
            $"Id '{pledgeId}' was already used for different content. Nothing was recorded; a new pledge needs a new id.",
            statusCode: StatusCodes.Status409Conflict,
            title: "编号已用于内容不同的认捐 (id reused with different content)");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult WrongDesk() =>
        TypedResults.Problem("This token belongs to another event or desk.", statusCode: StatusCodes.Status403Forbidden, title: "无权操作此录入台 (not your desk)");

    public static ProblemHttpResult DonationNotFound(string donationId) =>
        TypedResults.Problem($"Donation '{donationId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "捐款订单不存在 (donation not found)");

    public static ProblemHttpResult OnlineGivingOff() =>
        TypedResults.Problem("Online giving is not set up on this server (no payment provider is configured). Nothing was recorded.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "网络捐款暂未开通 (online giving is not available)");

    public static ProblemHttpResult PaymentProviderDown() =>
        TypedResults.Problem("The payment provider did not take the order. Nothing was charged; retry with the same id.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "支付服务暂时不可用，请用同一编号重试 (payment service unavailable; retry)");
}
