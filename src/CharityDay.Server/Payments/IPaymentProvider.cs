namespace CharityDay.Server.Payments;

/// <summary>
/// The payment provider as the donation flow sees it: create an order the donor then pays at the
/// provider, and read the provider's notification that it was paid. Only a notice this port has
/// verified may put an online donation in the ledger.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Registers the order with the provider and says how the phone page pays it.</summary>
    /// <exception cref="PaymentProviderException">The provider refused the order or could not be reached.</exception>
    Task<PaymentStart> CreateOrderAsync(PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies a notification exactly as received (headers and raw body) and decrypts it. Never throws
    /// for bad input: a forged, stale, tampered or foreign notice comes back as a refusal.
    /// </summary>
    PaymentNoticeRead ReadNotice(IHeaderDictionary headers, ReadOnlySpan<byte> body);

    /// <summary>The answer the provider expects when a notice was taken (or was already taken).</summary>
    IResult Acknowledge();

    /// <summary>The answer the provider expects when a notice is refused; it will notify again later.</summary>
    IResult Refuse(int statusCode, string message);
}

/// <summary>
/// An order as sent to the provider: our trade number (6–32 characters of letters, digits, <c>_-|*</c>),
/// the amount in fen, what the donor sees at the cashier, the moment it can no longer be paid, and the
/// donor's address (H5 payments require it).
/// </summary>
public sealed record PaymentOrder(string OutTradeNo, long AmountFen, string Description, DateTimeOffset ExpiresAt, string PayerAddress);

/// <summary>How the phone page pays: open <see cref="Url"/> (an H5 cashier), or show it as a QR code (native).</summary>
public sealed record PaymentStart(PaymentStartKind Kind, string Url);

public enum PaymentStartKind
{
    Redirect = 0,
    QrCode = 1,
}

/// <summary>A verified, decrypted notice: which order, the provider's transaction, its state and the amount paid.</summary>
public sealed record PaymentNotice(string OutTradeNo, string TransactionId, string TradeState, long AmountFen, DateTimeOffset? SuccessTime)
{
    public const string Success = "SUCCESS";

    public bool IsPaid => TradeState == Success;
}

/// <summary>Either a verified <see cref="Notice"/> or the reason it was refused (for the log and the provider; never a secret).</summary>
public sealed record PaymentNoticeRead(PaymentNotice? Notice, string? Refusal)
{
    public static PaymentNoticeRead Verified(PaymentNotice notice) => new(notice, null);

    public static PaymentNoticeRead Refused(string reason) => new(null, reason);
}

/// <summary>The provider refused an order or did not answer; the message is safe to show and to log.</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
