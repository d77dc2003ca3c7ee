using System.Security.Cryptography;
using System.Text;
using CharityDay.Server.Payments;
using M = CharityDay.Testing.WeChatPayStandInMessages;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// Only a notification WeChat Pay really sent, recently, for our merchant and AppID, is read: every other
/// one comes back as a refusal with its reason. Messages are built here as the documentation lays them
/// out (the stand-in's own RSA and AES code), never with the product's writer.
/// </summary>
public sealed class WeChatPayNoticeTests : IDisposable
{
    private static readonly WeChatPayStandInKeys Keys = WeChatPayStandInKeys.Generate();
    private static readonly DateTimeOffset Now = new(2025, 9, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PaidAt = new(2025, 9, 20, 19, 58, 31, TimeSpan.FromHours(8));

    private readonly ManualClock _clock = new(Now);
    private readonly WeChatPayMerchant _merchant;

    public WeChatPayNoticeTests() => _merchant = WeChatPayMerchant.Create(Keys, _clock);

    public void Dispose() => _merchant.Dispose();

    private static string Transaction(string? mchId = null, string? appId = null, string tradeState = "SUCCESS", long total = 880_000) =>
        M.TransactionJson(mchId ?? Keys.MchId, appId ?? Keys.AppId, "CD2025ev1-0001", "4200002025092012345678901234", tradeState, total, PaidAt);

    private static WeChatPayStandInNotice Notice(string? transaction = null, DateTimeOffset? at = null, string algorithm = M.Algorithm) =>
        M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, at ?? Now, M.EncryptedNotificationJson(Keys.ApiV3Key, transaction ?? Transaction(), algorithm));

    private PaymentNoticeRead Read(WeChatPayStandInNotice notice) => _merchant.Provider.ReadNotice(notice.ToHeaderDictionary(), notice.Body);

    private string Refusal(WeChatPayStandInNotice notice)
    {
        var read = Read(notice);
        Assert.Null(read.Notice);
        Assert.False(string.IsNullOrWhiteSpace(read.Refusal));
        return read.Refusal!;
    }

    [Fact]
    public void A_valid_notice_is_read_with_order_transaction_state_amount_and_time()
    {
        var read = Read(Notice());

        Assert.Null(read.Refusal);
        Assert.Equal(new PaymentNotice("CD2025ev1-0001", "4200002025092012345678901234", "SUCCESS", 880_000, PaidAt), read.Notice);
        Assert.True(read.Notice!.IsPaid);
    }

    [Fact]
    public void A_notice_of_another_event_type_is_still_read_and_its_trade_state_decides()
    {
        var body = M.EncryptedNotificationJson(Keys.ApiV3Key, Transaction(tradeState: "CLOSED"), eventType: "TRANSACTION.CLOSED");

        var read = Read(M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, Now, body));

        Assert.Equal("CLOSED", read.Notice?.TradeState);
        Assert.False(read.Notice!.IsPaid);
    }

    [Fact]
    public void A_notice_signed_with_another_key_is_refused()
    {
        using var forger = RSA.Create(2048);
        var notice = M.SignedNotice(forger, Keys.PlatformSerial, Now, M.EncryptedNotificationJson(Keys.ApiV3Key, Transaction()));

        Assert.Contains("signature is not valid", Refusal(notice), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WECHATPAY/SIGNTEST/aW52YWxpZA==")]
    [InlineData("not base64 at all")]
    [InlineData("")]
    public void A_signature_that_is_a_probe_or_not_base64_is_refused_without_throwing(string signature)
    {
        Assert.NotEmpty(Refusal(Notice().WithHeader("Wechatpay-Signature", signature)));
    }

    [Fact]
    public void A_notice_under_an_unknown_serial_is_refused()
    {
        var notice = Notice().WithHeader("Wechatpay-Serial", "PUB_KEY_ID_0000000000000000000000000000");

        Assert.Contains("unknown WeChat Pay key serial", Refusal(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_older_than_the_maximum_age_is_refused_and_one_just_inside_is_read()
    {
        var notice = Notice();
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(Read(notice).Notice);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("old", Refusal(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_from_too_far_in_the_future_is_refused()
    {
        var notice = Notice(at: Now + TimeSpan.FromMinutes(6));

        Assert.Contains("ahead", Refusal(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_whose_ciphertext_was_altered_is_refused()
    {
        const string nonce = "a1b2c3d4e5f6";
        var sealedBytes = Convert.FromBase64String(M.Encrypt(Keys.ApiV3Key, nonce, "transaction", Transaction()));
        sealedBytes[10] ^= 0x01;
        var body = M.NotificationJson(Convert.ToBase64String(sealedBytes), nonce);

        Assert.Contains("does not decrypt", Refusal(M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, Now, body)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_encrypted_with_another_merchants_api_key_is_refused()
    {
        var body = M.EncryptedNotificationJson("0123456789abcdefghijABCDEFGHIJ01", Transaction());

        Assert.Contains("does not decrypt", Refusal(M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, Now, body)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_changed_after_signing_is_refused()
    {
        var notice = Notice();
        var changed = notice with { Body = Encoding.UTF8.GetBytes(notice.BodyText.Replace("支付成功", "支付成功 ", StringComparison.Ordinal)) };

        Assert.Contains("signature is not valid", Refusal(changed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transaction_of_another_merchant_is_refused()
    {
        Assert.Contains("mchid is not ours", Refusal(Notice(Transaction(mchId: "1900000109"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transaction_of_another_app_is_refused()
    {
        Assert.Contains("appid is not ours", Refusal(Notice(Transaction(appId: "wxd678efh567hg6787"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wechatpay-Timestamp")]
    [InlineData("Wechatpay-Nonce")]
    [InlineData("Wechatpay-Signature")]
    [InlineData("Wechatpay-Serial")]
    public void A_notice_without_a_signature_header_is_refused_naming_it(string header)
    {
        Assert.Contains(header, Refusal(Notice().WithoutHeader(header)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_with_a_repeated_signature_header_is_refused()
    {
        var notice = Notice();
        var headers = notice.ToHeaderDictionary();
        headers["Wechatpay-Signature"] = new Microsoft.Extensions.Primitives.StringValues([notice.Headers["Wechatpay-Signature"], "second"]);

        Assert.Null(_merchant.Provider.ReadNotice(headers, notice.Body).Notice);
    }

    [Fact]
    public void A_notice_in_another_algorithm_is_refused()
    {
        Assert.Contains("algorithm", Refusal(Notice(algorithm: "AEAD_SM4_GCM")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_of_another_signature_type_is_refused_and_the_documented_one_is_read()
    {
        Assert.Contains("signature type", Refusal(Notice().WithHeader("Wechatpay-Signature-Type", "WECHATPAY2-SM2-WITH-SM3")), StringComparison.Ordinal);
        Assert.NotNull(Read(Notice().WithHeader("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")).Notice);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    public void A_signed_body_that_is_not_the_documented_json_is_refused(string body)
    {
        Assert.Contains("documented", Refusal(M.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, Now, body)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decrypted_transaction_without_its_trade_number_is_refused()
    {
        var transaction = Transaction().Replace("\"out_trade_no\"", "\"out_trade_number\"", StringComparison.Ordinal);

        Assert.Contains("lacks", Refusal(Notice(transaction)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decrypted_transaction_in_another_currency_is_refused()
    {
        var transaction = Transaction().Replace("\"currency\":\"CNY\"", "\"currency\":\"USD\"", StringComparison.Ordinal);

        Assert.Contains("CNY", Refusal(Notice(transaction)), StringComparison.Ordinal);
    }
}
