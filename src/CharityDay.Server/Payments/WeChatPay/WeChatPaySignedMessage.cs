namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>A message signed as WeChat Pay signs: the <c>Wechatpay-*</c> headers and the body bytes they sign.</summary>
public sealed record WeChatPaySignedMessage(IReadOnlyDictionary<string, string> Headers, byte[] Body);
