using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CharityDay.Server.Payments.WeChatPay;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// Plays WeChat Pay's order API for the adapter, in process: answers <c>/v3/pay/transactions/h5</c>
/// (and <c>/native</c>) with the demo cashier's own page as the cashier, signed with the demo platform
/// key so the adapter's answer check runs as it would against WeChat Pay.
/// </summary>
internal sealed class DemoOrderApi(DemoCashierKeys keys, TimeProvider clock) : HttpMessageHandler
{
    private readonly WeChatPayPlatformSigner _signer = new(keys.Platform, DemoCashierKeys.PlatformSerial, clock);

    public const string Host = "demo-cashier.invalid";

    public const string BaseUrl = "https://" + Host;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var order = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var tradeNo = order?["out_trade_no"]?.GetValue<string>();
        if (request.Method != HttpMethod.Post || tradeNo is null || !path.StartsWith("/v3/pay/transactions/", StringComparison.Ordinal))
        {
            return Answer(HttpStatusCode.BadRequest, new JsonObject { ["code"] = "PARAM_ERROR", ["message"] = "演示收银台只接受下单请求" });
        }

        var cashier = BaseUrl + DemoCashierApi.PathPrefix + Uri.EscapeDataString(tradeNo);
        return Answer(HttpStatusCode.OK, path.EndsWith("/native", StringComparison.Ordinal)
            ? new JsonObject { ["code_url"] = cashier }
            : new JsonObject { ["h5_url"] = cashier });
    }

    private HttpResponseMessage Answer(HttpStatusCode status, JsonObject body)
    {
        var signed = _signer.Sign(Encoding.UTF8.GetBytes(body.ToJsonString()));
        var answer = new HttpResponseMessage(status) { Content = new ByteArrayContent(signed.Body) };
        answer.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in signed.Headers)
        {
            answer.Headers.Add(name, value);
        }

        return answer;
    }
}
