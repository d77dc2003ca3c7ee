namespace CharityDay.Testing;

/// <summary>An order the stand-in accepted: what it was told, and the transaction id it will pay it under.</summary>
public sealed record WeChatPayStandInOrder(
    string OutTradeNo,
    string TradeType,
    long TotalFen,
    string Description,
    Uri NotifyUrl,
    DateTimeOffset? TimeExpire,
    string PayerClientIp,
    string TransactionId,
    string PaymentUrl);
