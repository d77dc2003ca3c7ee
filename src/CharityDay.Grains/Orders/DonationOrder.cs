namespace CharityDay.Grains.Orders;

/// <summary>
/// An online donation before and after it is paid. <see cref="OutTradeNo"/> is our number at the
/// payment provider (and the donor's receipt number); <see cref="DonationId"/> is the phone's own id
/// and the id of the pledge the ledger gets once the provider confirms the payment.
/// </summary>
public sealed record DonationOrder(
    string OutTradeNo,
    string EventId,
    string DonationId,
    long AmountFen,
    string DonorName,
    bool Anonymous,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    OrderPayment? Payment = null,
    string? TransactionId = null,
    DateTimeOffset? PaidAt = null)
{
    public bool IsPaid => TransactionId is not null;

    /// <summary>Unpaid and past its time: it can no longer be paid and never counts.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => !IsPaid && now >= ExpiresAt;

    /// <summary>Two sends of one donation id are the same order only if what the donor typed matches.</summary>
    public bool SameContentAs(DonationOrder other) =>
        AmountFen == other.AmountFen && DonorName == other.DonorName && Anonymous == other.Anonymous && Message == other.Message;
}

/// <summary>How the phone pays an order at the provider: a cashier page to open, or a code to show as a QR code.</summary>
public sealed record OrderPayment(OrderPaymentKind Kind, string Url);

public enum OrderPaymentKind
{
    Redirect = 0,
    QrCode = 1,
}

/// <summary>What an event's orders look like at a moment: waiting for payment, expired unpaid, paid.</summary>
public sealed record OrderCounts(int Awaiting, int Expired, int Paid, long AwaitingFen);
