using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CharityDay.Server.Tests;

/// <summary>
/// The provider's notice is the only way online money enters the ledger: a server on WeChat Pay (the
/// stand-in plays it, with keys made here) takes a genuine notice once however often it comes, and every
/// forged, stale, tampered, foreign or late one changes nothing.
/// </summary>
public sealed class PaymentNoticeTests(PaymentNoticeTests.Payments payments) : IClassFixture<PaymentNoticeTests.Payments>
{
    private static readonly Uri NotifyUrl = new("http://localhost/api/payments/wechatpay/notify");

    [Fact]
    public async Task Five_concurrent_copies_of_a_genuine_notice_write_one_ledger_entry_and_each_is_acknowledged()
    {
        var (eventId, order) = await payments.OrderAsync("notice-once", 1_288_00);
        var notice = payments.StandIn.Notice(order);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => payments.StandIn.DeliverAsync(order, notice)));
        var again = await payments.StandIn.ResendAsync(order);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.NoContent, status));
        Assert.Equal(HttpStatusCode.NoContent, again);
        var audit = await payments.AuditAsync(eventId);
        Assert.Equal(1, audit.GetProperty("ledgerEntryCount").GetInt64());
        Assert.Equal(1_288_00, audit.GetProperty("ledgerTotalFen").GetInt64());
        Assert.Equal("paid", (await payments.StatusAsync(eventId, order)).GetProperty("status").GetString());
        Assert.True(payments.StandIn.Orders[order].TimeExpire > DateTimeOffset.UtcNow, "the order told WeChat Pay when it lapses");
    }

    public static TheoryData<string> Refusals => ["forged signature", "wrong serial", "stale timestamp", "future timestamp", "tampered ciphertext",
        "body changed after signing", "amount mismatch", "foreign merchant", "missing signature", "paid after expiry", "unknown order"];

    /// <summary>Each refusal for its own reason, not a generic one that would hide a hole in the others.</summary>
    private static readonly Dictionary<string, string> Reasons = new()
    {
        ["forged signature"] = "签名验证失败", ["wrong serial"] = "未知的微信支付公钥序列号", ["stale timestamp"] = "通知已过期",
        ["future timestamp"] = "时间戳在未来", ["tampered ciphertext"] = "通知解密失败", ["body changed after signing"] = "签名验证失败",
        ["amount mismatch"] = "amount does not match", ["foreign merchant"] = "商户号不符", ["missing signature"] = "缺少签名头",
        ["paid after expiry"] = "expired before it was paid", ["unknown order"] = "unknown order",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_notice_that_is_not_genuine_in_time_and_in_full_is_refused_and_changes_nothing(string kind)
    {
        var (eventId, order) = await payments.OrderAsync("notice-refused-" + Math.Abs(kind.GetHashCode(StringComparison.Ordinal)), 500_00);
        var keys = payments.StandIn.Keys;
        var now = DateTimeOffset.UtcNow;
        var notice = kind switch
        {
            "forged signature" => Signed(RSA.Create(2048), keys.PlatformSerial, now, Body(order, 500_00, keys.MchId, now)),
            "wrong serial" => payments.StandIn.Notice(order).WithHeader("Wechatpay-Serial", "PUB_KEY_ID_0000000000000000000000000000"),
            "stale timestamp" => Signed(keys.PlatformKey, keys.PlatformSerial, now.AddMinutes(-6), Body(order, 500_00, keys.MchId, now)),
            "future timestamp" => Signed(keys.PlatformKey, keys.PlatformSerial, now.AddMinutes(6), Body(order, 500_00, keys.MchId, now)),
            "tampered ciphertext" => Signed(keys.PlatformKey, keys.PlatformSerial, now, FlipCiphertext(Body(order, 500_00, keys.MchId, now))),
            "body changed after signing" => payments.StandIn.Notice(order) with { Body = Encoding.UTF8.GetBytes(FlipCiphertext(payments.StandIn.Notice(order).BodyText)) },
            "amount mismatch" => payments.StandIn.Notice(order, amountFen: 500_01),
            "foreign merchant" => Signed(keys.PlatformKey, keys.PlatformSerial, now, Body(order, 500_00, "1900000000", now)),
            "missing signature" => payments.StandIn.Notice(order).WithoutHeader("Wechatpay-Signature"),
            "paid after expiry" => Signed(keys.PlatformKey, keys.PlatformSerial, now, Body(order, 500_00, keys.MchId, now.AddMinutes(31))),
            _ => Signed(keys.PlatformKey, keys.PlatformSerial, now, Body("CD" + new string('0', 30), 500_00, keys.MchId, now)),
        };

        using var answer = await payments.Notify.SendAsync(notice.ToRequest(NotifyUrl));

        Assert.True((int)answer.StatusCode is >= 400 and < 500, $"{kind}: {answer.StatusCode}");
        var refusal = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(Reasons[kind], refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FAIL", refusal.GetProperty("code").GetString());
        var audit = await payments.AuditAsync(eventId);
        Assert.Equal(0, audit.GetProperty("ledgerEntryCount").GetInt64());
        Assert.Equal(0, (await payments.Phone.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total")).GetProperty("totalFen").GetInt64());
        Assert.Equal("awaiting-payment", (await payments.StatusAsync(eventId, order)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_trade_that_closed_unpaid_is_acknowledged_and_counts_nothing()
    {
        var (eventId, order) = await payments.OrderAsync("notice-closed", 300_00);

        var status = await payments.StandIn.DeliverAsync(order, payments.StandIn.Notice(order, tradeState: "CLOSED"));

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(0, (await payments.AuditAsync(eventId)).GetProperty("ledgerEntryCount").GetInt64());
    }

    private string Body(string outTradeNo, long amountFen, string mchId, DateTimeOffset paidAt) =>
        WeChatPayStandInMessages.EncryptedNotificationJson(payments.StandIn.Keys.ApiV3Key, WeChatPayStandInMessages.TransactionJson(
            mchId, payments.StandIn.Keys.AppId, outTradeNo, "4200000000" + Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999), "SUCCESS", amountFen, paidAt));

    private static WeChatPayStandInNotice Signed(RSA key, string serial, DateTimeOffset at, string body) =>
        WeChatPayStandInMessages.SignedNotice(key, serial, at, body);

    /// <summary>The same envelope with one byte of the encrypted transaction changed.</summary>
    private static string FlipCiphertext(string body)
    {
        var envelope = JsonNode.Parse(body)!;
        var bytes = Convert.FromBase64String(envelope["resource"]!["ciphertext"]!.GetValue<string>());
        bytes[3] ^= 0x20;
        envelope["resource"]!["ciphertext"] = Convert.ToBase64String(bytes);
        return envelope.ToJsonString();
    }

    /// <summary>One server on WeChat Pay's stand-in, whose notices reach it in memory.</summary>
    public sealed class Payments : IAsyncLifetime
    {
        private CharityDayApp _app = null!;

        public WeChatPayStandIn StandIn { get; private set; } = null!;

        public HttpClient Notify { get; private set; } = null!;

        public HttpClient Phone { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            StandIn = await WeChatPayStandIn.StartAsync(WeChatPayStandInKeys.Generate());
            _app = CharityDayApp.With([.. WeChatPayStandIn.ServerSettings(StandIn.Keys, NotifyUrl, StandIn.BaseUrl).Select(s => (s.Key, s.Value))]);
            Notify = _app.CreateClient();
            Phone = _app.CreateClient();
            StandIn.NotifyClient = Notify;
        }

        /// <summary>A live event and one order the stand-in took; returns the event id and the order number.</summary>
        public async Task<(string EventId, string OrderNo)> OrderAsync(string eventId, long amountFen)
        {
            await _app.CreateLiveEventAsync(eventId);
            var order = await Donations.OrderAsync(Phone, eventId, Donations.Body(amountFen, "网友丙"));
            Assert.Equal("redirect", order.GetProperty("payment").GetProperty("kind").GetString());
            return (eventId, order.GetProperty("orderNo").GetString()!);
        }

        public async Task<JsonElement> StatusAsync(string eventId, string orderNo)
        {
            using var admin = _app.Admin();
            var orders = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/donation-orders?all=true");
            return orders.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderNo").GetString() == orderNo);
        }

        public async Task<JsonElement> AuditAsync(string eventId)
        {
            using var admin = _app.Admin();
            return await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit");
        }

        public async Task DisposeAsync()
        {
            Notify.Dispose();
            Phone.Dispose();
            await _app.DisposeAsync();
            await StandIn.DisposeAsync();
        }
    }
}
