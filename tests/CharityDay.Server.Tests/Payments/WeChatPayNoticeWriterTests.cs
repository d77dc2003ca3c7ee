using System.Text.Json.Nodes;
using CharityDay.Server.Payments;
using CharityDay.Server.Payments.WeChatPay;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// The product's notice writer (the embedded demo's "paid") makes what the reader accepts, laid out as
/// WeChat Pay's notifications are, and signed by the key the server holds for its serial.
/// </summary>
public sealed class WeChatPayNoticeWriterTests
{
    private static readonly WeChatPayStandInKeys Keys = WeChatPayStandInKeys.Generate();

    private static WeChatPayTransaction Paid(string? mchId = null) => new(
        mchId ?? Keys.MchId, Keys.AppId, "CD2025ev1-0100", "4200002025092000000000000100", "SUCCESS", 50_000,
        new DateTimeOffset(2025, 9, 20, 20, 1, 2, TimeSpan.FromHours(8)), "oDemoPayer0001");

    [Fact]
    public void What_the_writer_writes_the_reader_reads()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var merchant = WeChatPayMerchant.Create(Keys, clock);
        var writer = new WeChatPayNoticeWriter(Keys.PlatformKey, Keys.PlatformSerial, Keys.ApiV3Key, clock);

        var notice = writer.Write(Paid());
        var read = merchant.Provider.ReadNotice(new WeChatPayStandInNotice(notice.Headers, notice.Body).ToHeaderDictionary(), notice.Body);

        Assert.Null(read.Refusal);
        Assert.Equal(new PaymentNotice("CD2025ev1-0100", "4200002025092000000000000100", "SUCCESS", 50_000, Paid().SuccessTime), read.Notice);
    }

    [Fact]
    public void The_written_notice_has_the_documented_envelope_and_four_headers()
    {
        var writer = new WeChatPayNoticeWriter(Keys.PlatformKey, Keys.PlatformSerial, Keys.ApiV3Key);

        var notice = writer.Write(Paid());
        var body = JsonNode.Parse(notice.Body)!.AsObject();

        Assert.Equal(["id", "create_time", "resource_type", "event_type", "summary", "resource"], body.Select(field => field.Key));
        Assert.Equal("encrypt-resource", (string?)body["resource_type"]);
        Assert.Equal("TRANSACTION.SUCCESS", (string?)body["event_type"]);
        Assert.Equal("支付成功", (string?)body["summary"]);
        Assert.Equal(["original_type", "algorithm", "ciphertext", "associated_data", "nonce"], body["resource"]!.AsObject().Select(field => field.Key));
        Assert.Equal("AEAD_AES_256_GCM", (string?)body["resource"]!["algorithm"]);
        Assert.EndsWith("+08:00", (string?)body["create_time"], StringComparison.Ordinal);
        Assert.Equal(["Wechatpay-Nonce", "Wechatpay-Serial", "Wechatpay-Signature", "Wechatpay-Timestamp"], notice.Headers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Keys.PlatformSerial, notice.Headers["Wechatpay-Serial"]);
        Assert.True(WeChatPayStandInMessages.Verify(
            Keys.PlatformKey,
            WeChatPayStandInMessages.AnswerSignatureString(notice.Headers["Wechatpay-Timestamp"], notice.Headers["Wechatpay-Nonce"], System.Text.Encoding.UTF8.GetString(notice.Body)),
            notice.Headers["Wechatpay-Signature"]));
    }

    [Fact]
    public void A_notice_written_for_another_merchant_is_refused_by_ours()
    {
        using var merchant = WeChatPayMerchant.Create(Keys);
        var notice = new WeChatPayNoticeWriter(Keys.PlatformKey, Keys.PlatformSerial, Keys.ApiV3Key).Write(Paid(mchId: "1900000109"));

        Assert.Null(merchant.Provider.ReadNotice(new WeChatPayStandInNotice(notice.Headers, notice.Body).ToHeaderDictionary(), notice.Body).Notice);
    }

    [Fact]
    public void The_writer_refuses_an_api_key_that_is_not_32_characters()
    {
        Assert.Throws<ArgumentException>(() => new WeChatPayNoticeWriter(Keys.PlatformKey, Keys.PlatformSerial, Keys.ApiV3Key[..31]));
    }
}
