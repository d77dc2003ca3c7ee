using CharityDay.Grains.Orders;

namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/events/{eventId}/donations</c>: a phone starting to give.</summary>
public sealed record DonationRequest(string? DonationId, long AmountFen, string? DonorName, bool Anonymous, string? Message);

/// <summary>
/// An online donation as its phone (and the admin) sees it. <see cref="Status"/> is <c>awaiting-payment</c>
/// (pay with <see cref="Payment"/> before <see cref="ExpiresAt"/>), <c>paid</c> (in the ledger; the order
/// number is the donor's receipt number) or <c>expired</c> (never paid, never counted).
/// </summary>
public sealed record DonationOrderView(
    string DonationId, string EventId, string OrderNo, string Status, long AmountFen, string? DonorName, bool Anonymous,
    string? Message, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, PaymentView? Payment, DateTimeOffset? PaidAt,
    string? TransactionId = null)
{
    public const string AwaitingPayment = "awaiting-payment";
    public const string Paid = "paid";
    public const string Expired = "expired";

    public static DonationOrderView From(DonationOrder order, DateTimeOffset now, bool forAdmin = false)
    {
        var status = order.IsPaid ? Paid : order.IsExpiredAt(now) ? Expired : AwaitingPayment;
        return new DonationOrderView(
            order.DonationId, order.EventId, order.OutTradeNo, status, order.AmountFen, order.Anonymous ? null : order.DonorName,
            order.Anonymous, order.Message, order.CreatedAt, order.ExpiresAt,
            status == AwaitingPayment && order.Payment is { } payment ? PaymentView.From(payment) : null,
            order.PaidAt, forAdmin ? order.TransactionId : null);
    }
}

/// <summary>How to pay: <c>redirect</c> to <see cref="Url"/> (the provider's cashier), or show it as a <c>qrCode</c>.</summary>
public sealed record PaymentView(string Kind, string Url)
{
    public const string Redirect = "redirect";
    public const string QrCode = "qrCode";

    public static PaymentView From(OrderPayment payment) =>
        new(payment.Kind == OrderPaymentKind.QrCode ? QrCode : Redirect, payment.Url);
}

/// <summary>The admin's view of an event's online orders, apart from the ledger: how many wait, expired, were paid.</summary>
public sealed record DonationOrdersView(int Awaiting, long AwaitingFen, int Expired, int Paid, DonationOrderView[] Orders);
