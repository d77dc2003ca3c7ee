using System.Net;
using System.Text;
using System.Text.Json;
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
    public const string BaseUrl = "http://demo-cashier.invalid";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var order = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var tradeNo = order?["out_trade_no"]?.GetValue<string>();
        if (request.Method != HttpMethod.Post || tradeNo is null || !path.StartsWith("/v3/pay/transactions/", StringComparison.Ordinal))
        {
            return Answer(HttpStatusCode.BadRequest, new JsonObject { ["code"] = "PARAM_ERROR", ["message"] = "演示收银台只接受下单请求" });
        }

        var cashier = DemoCashierApi.PathPrefix + Uri.EscapeDataString(tradeNo);
        return Answer(HttpStatusCode.OK, path.EndsWith("/native", StringComparison.Ordinal)
            ? new JsonObject { ["code_url"] = cashier }
            : new JsonObject { ["h5_url"] = cashier });
    }

    private HttpResponseMessage Answer(HttpStatusCode status, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = WeChatPaySignature.NewNonce();
        var answer = new HttpResponseMessage(status) { Content = new ByteArrayContent(bytes) };
        answer.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        answer.Headers.Add("Wechatpay-Timestamp", timestamp);
        answer.Headers.Add("Wechatpay-Nonce", nonce);
        answer.Headers.Add("Wechatpay-Serial", DemoCashierKeys.PlatformSerial);
        answer.Headers.Add("Wechatpay-Signature", WeChatPaySignature.Sign(keys.Platform, WeChatPaySignature.AnswerMessage(timestamp, nonce, bytes)));
        return answer;
    }
}
