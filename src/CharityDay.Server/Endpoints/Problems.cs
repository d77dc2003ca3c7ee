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

    public static ProblemHttpResult InRehearsal(string eventId) =>
        TypedResults.Problem($"Event '{eventId}' is in rehearsal. Reset the rehearsal first (POST /api/events/{eventId}/rehearsal/reset); then open it.",
            statusCode: StatusCodes.Status409Conflict, title: "活动正在彩排：请先重置彩排再开播 (in rehearsal: reset it before going live)");

    public static ProblemHttpResult RehearsalRefused(string eventId, bool wasLive) => wasLive
        ? TypedResults.Problem($"Event '{eventId}' has been live: its ledger is the real night's and it can no longer rehearse.",
            statusCode: StatusCodes.Status409Conflict, title: "活动已开播过，不能再彩排 (an event that has been live cannot rehearse)")
        : TypedResults.Problem($"Event '{eventId}' is not in rehearsal: nothing to reset.",
            statusCode: StatusCodes.Status409Conflict, title: "活动不在彩排中 (the event is not in rehearsal)");

    public static ProblemHttpResult RehearsalOver(string pledgeId) =>
        TypedResults.Problem(
            $"Pledge '{pledgeId}' was typed in a rehearsal that has been reset. It was not recorded and never counts; drop it from the queue.",
            statusCode: StatusCodes.Status409Conflict, title: "这是已重置彩排中的认捐，未记入 (a pledge of a reset rehearsal: not recorded)");

    public static ProblemHttpResult RehearsalNeedsDemoCashier() =>
        TypedResults.Problem("The event is in rehearsal, and a rehearsal takes online donations only at the demo cashier (Payments:Provider=demo). Nothing was charged.",
            statusCode: StatusCodes.Status409Conflict, title: "彩排中只能用演示收银台捐款 (in rehearsal only the demo cashier takes donations)");

    public static ProblemHttpResult PaymentProviderDown() =>
        TypedResults.Problem("The payment provider did not take the order. Nothing was charged; retry with the same id.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "支付服务暂时不可用，请用同一编号重试 (payment service unavailable; retry)");
}
