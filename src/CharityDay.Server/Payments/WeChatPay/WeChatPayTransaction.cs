namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// What a payment notification tells (the decrypted <c>resource</c>): whose order, WeChat Pay's transaction
/// id, its state (<c>SUCCESS</c> when paid), the amount in fen, when it was paid and who paid.
/// </summary>
public sealed record WeChatPayTransaction(
    string MchId,
    string AppId,
    string OutTradeNo,
    string TransactionId,
    string TradeState,
    long AmountFen,
    DateTimeOffset? SuccessTime,
    string PayerOpenId,
    string TradeType = "MWEB");
