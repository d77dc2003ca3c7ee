using CharityDay.Server.Payments.WeChatPay;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// The WeChat Pay adapter, unchanged, with one difference for the demo: the cashier address the demo
/// order API answers (on its made-up host, as WeChat Pay answers an absolute <c>h5_url</c>) becomes this
/// server's own <c>/pay/demo/…</c> path, so the phone goes to the demo cashier on whatever address it used.
/// </summary>
internal sealed class DemoPaymentProvider(WeChatPayProvider adapter) : IPaymentProvider
{
    public async Task<PaymentStart> CreateOrderAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var start = await adapter.CreateOrderAsync(order, cancellationToken);
        return Uri.TryCreate(start.Url, UriKind.Absolute, out var url) && url.Host == DemoOrderApi.Host
            ? start with { Url = url.PathAndQuery }
            : start;
    }

    public PaymentNoticeRead ReadNotice(IHeaderDictionary headers, ReadOnlySpan<byte> body) => adapter.ReadNotice(headers, body);

    public IResult Acknowledge() => adapter.Acknowledge();

    public IResult Refuse(int statusCode, string message) => adapter.Refuse(statusCode, message);
}
