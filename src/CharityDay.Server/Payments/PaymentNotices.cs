using CharityDay.Contracts;
using CharityDay.Grains.Orders;
using CharityDay.Server.Endpoints;

namespace CharityDay.Server.Payments;

/// <summary>
/// Takes the provider's payment notices: only a verified notice for a known order, paid in full and in
/// time, writes the donation to the ledger, with the donation's id as the pledge id. However often and
/// in whatever order the provider repeats itself, the desk's idempotency keeps that to one ledger entry,
/// and every refusal changes nothing.
/// </summary>
public sealed partial class PaymentNotices(SqlDonationOrders orders, EventCatalog catalog, IPaymentProvider provider, TimeProvider clock, ILogger<PaymentNotices> logger)
{
    public async Task<NoticeOutcome> TakeAsync(IHeaderDictionary headers, byte[] body, CancellationToken cancellationToken)
    {
        var read = provider.ReadNotice(headers, body);
        if (read.Notice is not { } notice)
        {
            LogRefused(read.Refusal ?? "unreadable");
            return NoticeOutcome.Refused(StatusCodes.Status401Unauthorized, read.Refusal ?? "unreadable notice");
        }

        if (await orders.FindByTradeNoAsync(notice.OutTradeNo, cancellationToken) is not { } order)
        {
            LogUnknownOrder(notice.OutTradeNo);
            return NoticeOutcome.Refused(StatusCodes.Status404NotFound, "unknown order");
        }

        if (!notice.IsPaid)
        {
            // A closed or refunded trade: nothing to write; the order stays unpaid and expires.
            LogNotPaid(notice.OutTradeNo, notice.TradeState);
            return NoticeOutcome.Taken(order);
        }

        if (notice.AmountFen != order.AmountFen)
        {
            LogAmountMismatch(notice.OutTradeNo, notice.AmountFen, order.AmountFen);
            return NoticeOutcome.Refused(StatusCodes.Status400BadRequest, "amount does not match the order");
        }

        if (order.IsPaid)
        {
            if (order.TransactionId != notice.TransactionId)
            {
                LogSecondTransaction(notice.OutTradeNo, notice.TransactionId, order.TransactionId!);
            }

            return NoticeOutcome.Taken(order);
        }

        var paidAt = notice.SuccessTime ?? clock.GetUtcNow();
        if (paidAt > order.ExpiresAt)
        {
            LogPaidAfterExpiry(notice.OutTradeNo, paidAt, order.ExpiresAt);
            return NoticeOutcome.Refused(StatusCodes.Status409Conflict, "order expired before it was paid");
        }

        return await RecordAsync(order, notice, paidAt, cancellationToken);
    }

    private async Task<NoticeOutcome> RecordAsync(DonationOrder order, PaymentNotice notice, DateTimeOffset paidAt, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(order.EventId) is not { } definition)
        {
            return NoticeOutcome.Refused(StatusCodes.Status404NotFound, "unknown event");
        }

        var deskId = OnlineShard.DeskIdFor(order.DonationId, definition.OnlineShards);
        var draft = new PledgeDraft(order.DonationId, deskId, PledgeChannel.Online, order.AmountFen, order.DonorName,
            DonorKind.Individual, order.Anonymous, null, order.Message, "wechatpay:" + notice.TransactionId);
        var outcome = await catalog.Desk(order.EventId, deskId).RecordAsync(draft);
        if (outcome.Kind is not (PledgeOutcomeKind.Recorded or PledgeOutcomeKind.Replayed))
        {
            LogNotRecorded(order.OutTradeNo, outcome.Kind);
            return NoticeOutcome.Refused(StatusCodes.Status503ServiceUnavailable, "not recorded: " + outcome.Kind);
        }

        await orders.MarkPaidAsync(order.OutTradeNo, notice.TransactionId, paidAt, cancellationToken);
        return NoticeOutcome.Taken(order with { TransactionId = notice.TransactionId, PaidAt = paidAt });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notice refused: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notice for unknown order {OutTradeNo} refused")]
    private partial void LogUnknownOrder(string outTradeNo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment notice for order {OutTradeNo} in state {TradeState}: nothing recorded")]
    private partial void LogNotPaid(string outTradeNo, string tradeState);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment notice for order {OutTradeNo} paid {PaidFen} fen, the order is {OrderFen} fen: refused, nothing recorded")]
    private partial void LogAmountMismatch(string outTradeNo, long paidFen, long orderFen);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OutTradeNo} paid again by transaction {TransactionId} (counted once, by {FirstTransactionId}): refund the second payment at the provider")]
    private partial void LogSecondTransaction(string outTradeNo, string transactionId, string firstTransactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OutTradeNo} paid at {PaidAt} after it expired at {ExpiresAt}: refused, nothing recorded")]
    private partial void LogPaidAfterExpiry(string outTradeNo, DateTimeOffset paidAt, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Paid order {OutTradeNo} could not be recorded ({Outcome}); the provider will notify again")]
    private partial void LogNotRecorded(string outTradeNo, PledgeOutcomeKind outcome);
}

/// <summary>A notice taken (the order as it now stands) or refused with the status and reason to answer.</summary>
public sealed record NoticeOutcome(DonationOrder? Order, int StatusCode, string? Refusal)
{
    public bool IsTaken => Refusal is null;

    public static NoticeOutcome Taken(DonationOrder order) => new(order, StatusCodes.Status204NoContent, null);

    public static NoticeOutcome Refused(int statusCode, string reason) => new(null, statusCode, reason);
}
