using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CharityDay.Server.Payments;
using CharityDay.Server.Payments.WeChatPay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// A wrong WeChat Pay setting stops the server at start, through the same registration the server uses,
/// with one message per setting that names it, Chinese first, and never shows a key.
/// </summary>
public sealed class WeChatPayOptionsTests
{
    private static readonly WeChatPayStandInKeys Keys = WeChatPayStandInKeys.Generate();
    private const string Prefix = "Payments:WeChatPay:";

    private static string[] Failures(params (string Key, string? Value)[] changes)
    {
        using var services = WeChatPayMerchant.Services(Keys, clock: null, baseUrl: null, primaryHandler: null, changes);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        return [.. error.Failures];
    }

    private static string Failure(params (string Key, string? Value)[] changes) => Assert.Single(Failures(changes));

    [Fact]
    public void Complete_settings_start_and_give_the_provider()
    {
        using var services = WeChatPayMerchant.Services(Keys, null, null, null);

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<WeChatPayProvider>(services.GetRequiredService<IPaymentProvider>());
    }

    [Fact]
    public async Task A_host_with_a_wrong_setting_does_not_start()
    {
        var settings = WeChatPayStandIn.ServerSettings(Keys, WeChatPayMerchant.NotifyUrl, new Uri("https://api.mch.weixin.qq.com"))
            .Where(setting => setting.Key != Prefix + "AppId");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings!);
        builder.Services.AddWeChatPay(builder.Configuration.GetSection("Payments"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Payments:WeChatPay:AppId 未设置", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_merchant_id_is_named()
    {
        var message = Failure((Prefix + "MchId", null));

        Assert.StartsWith("Payments:WeChatPay:MchId 未设置", message, StringComparison.Ordinal);
        Assert.Contains("(is not set", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_of_31_characters_is_named_and_not_shown()
    {
        var key = Keys.ApiV3Key[..31];

        var message = Failure((Prefix + "ApiV3Key", key));

        Assert.StartsWith("Payments:WeChatPay:ApiV3Key 必须恰好是 32 个 ASCII 字符", message, StringComparison.Ordinal);
        Assert.Contains("it has 31 characters", message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merchant_key_that_is_not_pem_is_named_and_not_shown()
    {
        const string notPem = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ-secret-looking";

        var message = Failure((Prefix + "MerchantPrivateKey", notPem));

        Assert.StartsWith("Payments:WeChatPay:MerchantPrivateKey 不是 PEM 格式的 RSA 私钥", message, StringComparison.Ordinal);
        Assert.DoesNotContain(notPem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_or_a_short_key_in_place_of_the_merchant_private_key_is_refused()
    {
        using var shortKey = RSA.Create(1024);

        Assert.Contains("RSA private key", Failure((Prefix + "MerchantPrivateKey", Keys.MerchantPublicKeyPem)), StringComparison.Ordinal);
        var message = Failure((Prefix + "MerchantPrivateKey", shortKey.ExportPkcs8PrivateKeyPem()));
        Assert.Contains("1024 bits", message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY-----", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merchant_key_may_come_from_a_file_and_a_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apiclient_key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Keys.MerchantPrivateKeyPem);
        try
        {
            using var fromFile = WeChatPayMerchant.Create(Keys, changes: [(Prefix + "MerchantPrivateKey", null), (Prefix + "MerchantPrivateKeyFile", path)]);
            Assert.NotNull(fromFile.Provider);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.StartsWith("Payments:WeChatPay:MerchantPrivateKeyFile 指向的文件无法读取",
            Failure((Prefix + "MerchantPrivateKey", null), (Prefix + "MerchantPrivateKeyFile", path)), StringComparison.Ordinal);
        Assert.Contains("only one", Failure((Prefix + "MerchantPrivateKeyFile", path)), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_platform_key_the_server_does_not_start()
    {
        Assert.StartsWith("Payments:WeChatPay:PlatformPublicKeys 未设置", Failure((Prefix + "PlatformPublicKeys:" + Keys.PlatformSerial, null)), StringComparison.Ordinal);
        Assert.StartsWith($"Payments:WeChatPay:PlatformPublicKeys:{Keys.PlatformSerial} 不是 PEM",
            Failure((Prefix + "PlatformPublicKeys:" + Keys.PlatformSerial, "PUB_KEY")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_key_may_be_a_file_or_a_platform_certificate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pub_key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Keys.PlatformPublicKeyPem);
        var request = new CertificateRequest("CN=Tenpay.com Root CA", Keys.PlatformKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        try
        {
            using var services = WeChatPayMerchant.Services(Keys, null, null, null,
                (Prefix + "PlatformPublicKeys:" + Keys.PlatformSerial, "File:" + path),
                (Prefix + "PlatformPublicKeys:5157F09EFDC096DE15EBE81A47057A7232F1B8E1", certificate.ExportCertificatePem()));
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("http://charity.example.org/notify", "must use https")]
    [InlineData("https://charity.example.org/notify?event=ev1", "query string")]
    [InlineData("/api/payments/wechatpay/notify", "absolute")]
    public void A_notify_url_that_wechat_pay_cannot_use_is_named(string url, string reason)
    {
        var message = Failure((Prefix + "NotifyUrl", url));

        Assert.StartsWith("Payments:WeChatPay:NotifyUrl ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_notify_url_is_allowed_when_the_demo_says_so()
    {
        using var services = WeChatPayMerchant.Services(Keys, null, null, null,
            (Prefix + "NotifyUrl", "http://charity-desk.lan:5000/api/payments/wechatpay/notify"), (Prefix + "AllowHttpNotifyUrl", "true"));

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void A_plain_http_base_url_is_only_for_a_loopback_stand_in()
    {
        Assert.Contains("must use https", Failure((Prefix + "BaseUrl", "http://api.mch.weixin.qq.com")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_setting_gets_its_own_message()
    {
        var failures = Failures((Prefix + "AppId", ""), (Prefix + "MerchantSerialNo", null), (Prefix + "ApiV3Key", "short"), (Prefix + "TradeType", "JSAPI"), (Prefix + "NotificationMaxAge", "00:00:01"));

        Assert.Equal(5, failures.Length);
        Assert.All(failures, failure => Assert.StartsWith("Payments:WeChatPay:", failure, StringComparison.Ordinal));
    }
}
