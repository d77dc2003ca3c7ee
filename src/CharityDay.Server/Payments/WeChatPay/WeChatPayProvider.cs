using Microsoft.Extensions.Options;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// The donation flow's payment provider when <c>Payments:Provider</c> is <c>wechatpay</c>: orders go to
/// WeChat Pay API v3 (H5 or Native), and a notification counts only once its signature, its timestamp,
/// its encrypted resource and its merchant and AppID check out. One per server (the keys load once).
/// </summary>
public sealed class WeChatPayProvider : IPaymentProvider
{
    /// <summary>The named <see cref="HttpClient"/> the orders go through; a test or the demo can give it another primary handler.</summary>
    public const string HttpClientName = WeChatPayOrderClient.HttpClientName;

    private readonly WeChatPayOrderClient _orders;
    private readonly WeChatPayNoticeReader _notices;

    public WeChatPayProvider(IOptions<WeChatPayOptions> options, IHttpClientFactory httpClients, TimeProvider clock)
    {
        var settings = options.Value;
        var keys = WeChatPayKeys.Load(settings);
        var verifier = new WeChatPayVerifier(keys, clock, settings.NotificationMaxAge);
        _orders = new WeChatPayOrderClient(httpClients, settings, keys, verifier, clock);
        _notices = new WeChatPayNoticeReader(settings, keys, verifier);
    }

    /// <inheritdoc />
    public Task<PaymentStart> CreateOrderAsync(PaymentOrder order, CancellationToken cancellationToken) =>
        _orders.CreateAsync(order, cancellationToken);

    /// <inheritdoc />
    public PaymentNoticeRead ReadNotice(IHeaderDictionary headers, ReadOnlySpan<byte> body) => _notices.Read(headers, body);

    /// <summary>WeChat Pay takes 200 or 204 without a body as "received"; 204 says it plainly.</summary>
    public IResult Acknowledge() => Results.NoContent();

    /// <summary>
    /// WeChat Pay's own failure answer, <c>{"code":"FAIL","message":"…"}</c>, not a problem document: the
    /// reader is WeChat Pay, which retries the notification later.
    /// </summary>
    public IResult Refuse(int statusCode, string message) =>
        Results.Json(new WeChatPayErrorAnswer("FAIL", message), WeChatPayJson.Options, statusCode: statusCode);
}
