using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CharityDay.Testing;

/// <summary>
/// The stand-in's H5下单 and Native下单: the merchant's <c>Authorization</c> must verify (else 401
/// SIGN_ERROR), the body must hold the documented fields (else 400 PARAM_ERROR), and the answer is signed
/// as WeChat Pay signs (<c>Wechatpay-*</c> headers over <c>timestamp\nnonce\nbody\n</c>).
/// </summary>
public sealed partial class WeChatPayStandIn
{
    private static readonly TimeSpan RequestMaxAge = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions AnswerLayout = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("^[A-Za-z0-9_\\-|*]{6,32}$")]
    private static partial Regex TradeNumber();

    private async Task TakeOrderAsync(HttpContext context, string tradeType)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (!MerchantSigned(context.Request, body))
        {
            Interlocked.Increment(ref _signatureFailures);
            await AnswerAsync(context, StatusCodes.Status401Unauthorized, Error("SIGN_ERROR", "签名错误，请检查后再试"));
            return;
        }

        var (order, problem) = ReadOrder(body, tradeType);
        if (order is null)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, Error("PARAM_ERROR", problem!));
            return;
        }

        var taken = _orders.GetOrAdd(order.OutTradeNo, order);
        if (taken.TotalFen != order.TotalFen || taken.TradeType != order.TradeType || taken.NotifyUrl != order.NotifyUrl)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, Error("INVALID_REQUEST", "201 商户订单号重复"));
            return;
        }

        var answer = tradeType == "NATIVE" ? new JsonObject { ["code_url"] = taken.PaymentUrl } : new JsonObject { ["h5_url"] = taken.PaymentUrl };
        await AnswerAsync(context, StatusCodes.Status200OK, answer.ToJsonString());
    }

    private bool MerchantSigned(HttpRequest request, string body)
    {
        var fields = WeChatPayStandInMessages.ParseAuthorization(request.Headers.Authorization.ToString());
        if (fields is null
            || !fields.TryGetValue("mchid", out var mchId) || mchId != Keys.MchId
            || !fields.TryGetValue("serial_no", out var serial) || serial != Keys.MerchantSerialNo
            || !fields.TryGetValue("nonce_str", out var nonce) || nonce.Length == 0
            || !fields.TryGetValue("signature", out var signature)
            || !fields.TryGetValue("timestamp", out var timestamp)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > RequestMaxAge)
        {
            return false;
        }

        var url = request.Path.Value + request.QueryString.Value;
        return WeChatPayStandInMessages.Verify(Keys.MerchantKey, WeChatPayStandInMessages.RequestSignatureString(request.Method, url, timestamp, nonce, body), signature);
    }

    private (WeChatPayStandInOrder? Order, string? Problem) ReadOrder(string body, string tradeType)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "请求报文不是 JSON");
        }

        string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
        var h5 = tradeType == "MWEB";
        if (root is not JsonObject order) return (null, "请求报文不是 JSON 对象");
        if (Text(order["appid"]) is not { } appId) return (null, Missing("appid"));
        if (Text(order["mchid"]) is not { } mchId) return (null, Missing("mchid"));
        if (mchId != Keys.MchId) return (null, "mchid与请求头中的商户号不一致");
        if (appId != Keys.AppId) return (null, "appid和mch_id不匹配");
        if (Text(order["description"]) is not { } description) return (null, Missing("description"));
        if (Text(order["out_trade_no"]) is not { } outTradeNo || !TradeNumber().IsMatch(outTradeNo)) return (null, Missing("out_trade_no"));
        if (Text(order["notify_url"]) is not { } notify || !Uri.TryCreate(notify, UriKind.Absolute, out var notifyUrl)) return (null, Missing("notify_url"));
        if (order["amount"]?["total"] is not JsonValue totalValue || !totalValue.TryGetValue<long>(out var total) || total < 1) return (null, "amount.total 必须大于 0");
        if (Text(order["amount"]?["currency"]) is { } currency && currency != "CNY") return (null, "amount.currency 只能是 CNY");
        var clientIp = Text(order["scene_info"]?["payer_client_ip"]);
        if (h5 && clientIp is null) return (null, Missing("scene_info.payer_client_ip"));
        if (h5 && Text(order["scene_info"]?["h5_info"]?["type"]) is null) return (null, Missing("scene_info.h5_info.type"));
        DateTimeOffset? expire = null;
        if (Text(order["time_expire"]) is { } expireText)
        {
            if (!DateTimeOffset.TryParseExact(expireText, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, "time_expire 不是 rfc3339 格式");
            }

            expire = parsed;
        }

        var transactionId = "42000" + RandomNumberGenerator.GetString("0123456789", 23);
        var prepayId = "wx" + Convert.ToHexString(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant();
        var paymentUrl = h5
            ? new Uri(BaseUrl, $"/cgi-bin/mmpayweb-bin/checkmweb?prepay_id={prepayId}&package={RandomNumberGenerator.GetInt32(1_000_000_000)}").ToString()
            : "weixin://wxpay/bizpayurl?pr=" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 7);
        return (new WeChatPayStandInOrder(outTradeNo, tradeType, total, description, notifyUrl, expire, clientIp ?? "", transactionId, paymentUrl), null);
    }

    private static string Missing(string field) => $"输入源“/body/{field.Replace('.', '/')}”映射到值字段“{field}”必填性规则校验失败，此字段为必填项";

    private static string Error(string code, string message) =>
        new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString(AnswerLayout);

    private async Task AnswerAsync(HttpContext context, int status, string body)
    {
        var signed = WeChatPayStandInMessages.SignedNotice(SignAnswersWithWrongKey ? _wrongKey : Keys.PlatformKey, Keys.PlatformSerial, Clock.GetUtcNow(), body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in signed.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers["Request-ID"] = Guid.NewGuid().ToString();
        await context.Response.Body.WriteAsync(signed.Body, context.RequestAborted);
    }
}
