using System.Net;
using CharityDay.Grains.Orders;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using CharityDay.Server.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Online giving: a phone creates an order (202, awaiting payment), pays it at the provider, and
/// reads the order until it is paid; the provider's signed notice to the callback route is the only
/// thing that puts an online donation in the ledger.
/// </summary>
public static class DonationsApi
{
    /// <summary>Where the payment provider sends its notices.</summary>
    public const string NoticePath = "/api/payments/wechatpay/notify";

    private const int NoticeBodyLimit = 64 * 1024;

    public static void MapDonationsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{eventId}").WithTags("Donations");
        events.MapPost("/donations", StartAsync).RequireRateLimiting(RateLimits.DonationOrders)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapGet("/donations/{donationId}", ReadAsync).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapGet("/donation-orders", ListAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost(NoticePath, TakeNoticeAsync).WithTags("Donations").ExcludeFromDescription();
    }

    private static async Task<Results<Accepted<DonationOrderView>, Ok<DonationOrderView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string eventId, DonationRequest request, HttpContext context, DonationOrdering ordering,
        IOptions<CharityDayOptions> limits, IOptions<PaymentOptions> payments, TimeProvider clock)
    {
        var errors = new InputErrors();
        if (!InputRules.IsClientId(request.DonationId))
        {
            errors.Add("donationId", "捐款编号须为 8–64 位字母、数字、- 或 _ (8–64 letters, digits, - or _)");
        }

        InputRules.Amount(errors, "amountFen", request.AmountFen, Math.Min(limits.Value.MaxAmountFen, payments.Value.MaxAmountFen));
        var donorName = InputRules.Text(errors, "donorName", request.DonorName, InputRules.NameMaxLength, required: false);
        var message = InputRules.Text(errors, "message", request.Message, InputRules.NoteMaxLength, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var typed = new DonationOrder("", eventId, request.DonationId!, request.AmountFen, donorName ?? "",
            request.Anonymous || donorName is null, message, default, default);
        var start = await ordering.StartAsync(eventId, typed, PayerAddress(context), context.RequestAborted);
        var now = clock.GetUtcNow();
        return start.Kind switch
        {
            OrderStartKind.Created => TypedResults.Accepted($"/api/events/{eventId}/donations/{typed.DonationId}", DonationOrderView.From(start.Order!, now)),
            OrderStartKind.Existing => TypedResults.Ok(DonationOrderView.From(start.Order!, now)),
            OrderStartKind.Conflict => Problems.IdConflict(typed.DonationId),
            OrderStartKind.EventNotLive => Problems.EventNotLive(eventId),
            OrderStartKind.RehearsalNeedsDemo => Problems.RehearsalNeedsDemoCashier(),
            OrderStartKind.NotOffered => Problems.OnlineGivingOff(),
            OrderStartKind.ProviderFailed => Problems.PaymentProviderDown(),
            _ => Problems.EventNotFound(eventId),
        };
    }

    private static async Task<Results<Ok<DonationOrderView>, ProblemHttpResult>> ReadAsync(
        string eventId, string donationId, SqlDonationOrders orders, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = InputRules.IsSlug(eventId) && InputRules.IsClientId(donationId)
            ? await orders.FindAsync(eventId, donationId, cancellationToken)
            : null;
        return order is null ? Problems.DonationNotFound(donationId) : TypedResults.Ok(DonationOrderView.From(order, clock.GetUtcNow()));
    }

    /// <summary>The admin's list: orders still awaiting payment (or every order with <c>all=true</c>), newest first.</summary>
    private static async Task<Results<Ok<DonationOrdersView>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string eventId, EventCatalog catalog, SqlDonationOrders orders, TimeProvider clock, CancellationToken cancellationToken,
        bool all = false, int limit = 100)
    {
        if (limit is < 1 or > 1000)
        {
            var errors = new InputErrors();
            errors.Add("limit", "limit 介于 1 与 1000 之间 (1 ≤ limit ≤ 1000)");
            return errors.ToProblem();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var now = clock.GetUtcNow();
        var counts = await orders.CountAsync(eventId, now, cancellationToken);
        var listed = await orders.ListAsync(eventId, all ? null : now, limit, cancellationToken);
        return TypedResults.Ok(new DonationOrdersView(counts.Awaiting, counts.AwaitingFen, counts.Expired, counts.Paid,
            listed.Select(o => DonationOrderView.From(o, now, forAdmin: true)).ToArray()));
    }

    /// <summary>The provider's notice, read as raw bytes: its signature covers the body exactly as sent.</summary>
    private static async Task<IResult> TakeNoticeAsync(HttpContext context, [FromServices] IPaymentProvider? provider)
    {
        if (provider is null)
        {
            return Problems.OnlineGivingOff();
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > NoticeBodyLimit)
            {
                return provider.Refuse(StatusCodes.Status413PayloadTooLarge, "notice too large");
            }

            body.Write(buffer, 0, read);
        }

        var notices = context.RequestServices.GetRequiredService<PaymentNotices>();
        var outcome = await notices.TakeAsync(context.Request.Headers, body.ToArray(), context.RequestAborted);
        return outcome.IsTaken ? provider.Acknowledge() : provider.Refuse(outcome.StatusCode, outcome.Refusal!);
    }

    /// <summary>The donor's address as the provider wants it (H5 payments are checked against it).</summary>
    private static string PayerAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.Loopback.ToString();
}
