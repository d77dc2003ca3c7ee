using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CharityDay.Server.Payments;
using M = CharityDay.Testing.WeChatPayStandInMessages;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// The examples of the API v3 documentation, field names and values as published, go through the
/// adapter: the payment notification (支付通知) with its decrypted resource, the H5 and Native order
/// answers, and the order request the adapter writes.
/// </summary>
public sealed class WeChatPayDocumentedSampleTests
{
    private static readonly WeChatPayStandInKeys Keys = WeChatPayStandInKeys.Generate();
    private static readonly DateTimeOffset NoticeTime = new(2018, 6, 8, 10, 34, 58, TimeSpan.FromHours(8));

    // The decrypted resource of the documentation's example, as published (merchant 1230000109, AppID wxd678efh567hg6787).
    private const string DocumentedResource = """
        {
            "transaction_id": "1217752501201407033233368018",
            "amount": { "payer_total": 100, "total": 100, "currency": "CNY", "payer_currency": "CNY" },
            "mchid": "1230000109",
            "trade_state": "SUCCESS",
            "bank_type": "CMC",
            "promotion_detail": [
                {
                    "amount": 100, "wechatpay_contribute": 0, "coupon_id": "109519", "scope": "GLOBAL", "merchant_contribute": 0,
                    "name": "单品惠-6", "other_contribute": 0, "currency": "CNY", "stock_id": "931386",
                    "goods_detail": [ { "goods_remark": "商品备注信息", "quantity": 1, "discount_amount": 1, "goods_id": "M1006", "unit_price": 100 } ]
                }
            ],
            "success_time": "2018-06-08T10:34:56+08:00",
            "payer": { "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
            "out_trade_no": "1217752501201407033233368018",
            "appid": "wxd678efh567hg6787",
            "trade_state_desc": "支付成功",
            "trade_type": "MICROPAY",
            "attach": "自定义数据",
            "scene_info": { "device_id": "013467007045764" }
        }
        """;

    private static WeChatPayMerchant DocumentedMerchant(TimeProvider clock, Func<IServiceProvider, HttpMessageHandler>? handler = null, string tradeType = "H5") =>
        WeChatPayMerchant.Create(Keys, clock, primaryHandler: handler, changes:
            [("Payments:WeChatPay:MchId", "1230000109"), ("Payments:WeChatPay:AppId", "wxd678efh567hg6787"), ("Payments:WeChatPay:TradeType", tradeType)]);

    [Fact]
    public void The_documented_notification_and_resource_are_read()
    {
        const string nonce = "fdasflkja484";
        var ciphertext = M.Encrypt(Keys.ApiV3Key, nonce, "transaction", DocumentedResource);
        var body = $$"""
            {
                "id": "EV-2018022511223320873",
                "create_time": "2015-05-20T13:29:35+08:00",
                "resource_type": "encrypt-resource",
                "event_type": "TRANSACTION.SUCCESS",
                "summary": "支付成功",
                "resource": {
                    "original_type": "transaction",
                    "algorithm": "AEAD_AES_256_GCM",
                    "ciphertext": "{{ciphertext}}",
                    "associated_data": "transaction",
                    "nonce": "{{nonce}}"
                }
            }
            """;
        using var merchant = DocumentedMerchant(new ManualClock(NoticeTime));

        var notice = M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, NoticeTime, body);
        var read = merchant.Provider.ReadNotice(notice.ToHeaderDictionary(), notice.Body);

        Assert.Null(read.Refusal);
        Assert.Equal(
            new PaymentNotice("1217752501201407033233368018", "1217752501201407033233368018", "SUCCESS", 100, new DateTimeOffset(2018, 6, 8, 10, 34, 56, TimeSpan.FromHours(8))),
            read.Notice);
    }

    [Theory]
    [InlineData("H5", """{"h5_url":"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2916263004719461949c84457c735b0000&package=2150917749"}""",
        PaymentStartKind.Redirect, "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2916263004719461949c84457c735b0000&package=2150917749")]
    [InlineData("Native", """{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}""", PaymentStartKind.QrCode, "weixin://wxpay/bizpayurl?pr=p4lpSuKzz")]
    public async Task The_documented_order_answers_start_the_payment_and_the_request_has_the_documented_fields(
        string tradeType, string answer, PaymentStartKind kind, string url)
    {
        JsonNode? sent = null;
        string? path = null;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var handler = new AnsweringHandler(async request =>
        {
            path = request.RequestUri!.AbsolutePath;
            sent = JsonNode.Parse(await request.Content!.ReadAsStringAsync());
            return Signed(HttpStatusCode.OK, answer, clock.GetUtcNow());
        });
        using var merchant = DocumentedMerchant(clock, _ => handler, tradeType);
        var expires = new DateTimeOffset(2025, 9, 20, 12, 15, 0, TimeSpan.Zero);

        var start = await merchant.Provider.CreateOrderAsync(new PaymentOrder("CD2025ev1-0002", 8800, "慈善日捐款", expires, "203.0.113.7"), CancellationToken.None);

        Assert.Equal(new PaymentStart(kind, url), start);
        Assert.Equal(tradeType == "H5" ? "/v3/pay/transactions/h5" : "/v3/pay/transactions/native", path);
        Assert.Equal("wxd678efh567hg6787", (string?)sent!["appid"]);
        Assert.Equal("1230000109", (string?)sent["mchid"]);
        Assert.Equal("慈善日捐款", (string?)sent["description"]);
        Assert.Equal("CD2025ev1-0002", (string?)sent["out_trade_no"]);
        Assert.Equal("2025-09-20T20:15:00+08:00", (string?)sent["time_expire"]);
        Assert.Equal(WeChatPayMerchant.NotifyUrl.ToString(), (string?)sent["notify_url"]);
        Assert.Equal(8800, (long?)sent["amount"]?["total"]);
        Assert.Equal("CNY", (string?)sent["amount"]?["currency"]);
        Assert.Equal("203.0.113.7", (string?)sent["scene_info"]?["payer_client_ip"]);
        Assert.Equal(tradeType == "H5" ? "Wap" : null, (string?)sent["scene_info"]?["h5_info"]?["type"]);
    }

    [Fact]
    public async Task The_documented_error_answer_becomes_a_provider_exception_with_its_code_and_message()
    {
        var handler = new AnsweringHandler(_ => Task.FromResult(Signed(HttpStatusCode.BadRequest, """{"code":"PARAM_ERROR","message":"参数错误"}""", DateTimeOffset.UtcNow)));
        using var merchant = DocumentedMerchant(TimeProvider.System, _ => handler);

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() =>
            merchant.Provider.CreateOrderAsync(new PaymentOrder("CD2025ev1-0003", 100, "慈善日捐款", DateTimeOffset.UtcNow.AddMinutes(15), "203.0.113.7"), CancellationToken.None));

        Assert.Contains("400 PARAM_ERROR: 参数错误", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Signed(HttpStatusCode status, string body, DateTimeOffset at)
    {
        var signed = M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, at, body);
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        foreach (var (name, value) in signed.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
