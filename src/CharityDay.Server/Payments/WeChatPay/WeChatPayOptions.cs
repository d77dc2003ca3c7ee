namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// The <c>Payments:WeChatPay</c> configuration section: who we are at WeChat Pay (商户号, AppID, merchant
/// API certificate and key), the APIv3 key that decrypts notifications, and the WeChat Pay keys that sign
/// answers and notifications. Checked at start by <see cref="WeChatPayOptionsValidator"/>: a wrong
/// setting stops the server before the night, never during it.
/// </summary>
public sealed class WeChatPayOptions
{
    public const string Section = "WeChatPay";

    /// <summary>The WeChat Pay merchant id (商户号, <c>mchid</c>).</summary>
    public string? MchId { get; set; }

    /// <summary>The AppID bound to the merchant id (公众号/小程序/移动应用 <c>appid</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>Serial number of the merchant API certificate (商户API证书序列号), sent as <c>serial_no</c>.</summary>
    public string? MerchantSerialNo { get; set; }

    /// <summary>The merchant API private key (<c>apiclient_key.pem</c>) as PEM text. Secret; or use <see cref="MerchantPrivateKeyFile"/>.</summary>
    public string? MerchantPrivateKey { get; set; }

    /// <summary>Path of the merchant API private key PEM file, when the key is not given inline.</summary>
    public string? MerchantPrivateKeyFile { get; set; }

    /// <summary>The APIv3 key (APIv3密钥) set in the merchant platform: exactly 32 ASCII characters. Secret.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>
    /// The keys WeChat Pay signs with, by the serial it sends in <c>Wechatpay-Serial</c>: a WeChat Pay
    /// public key id (<c>PUB_KEY_ID_…</c>, 微信支付公钥) or a platform certificate serial (平台证书序列号).
    /// Each value is PEM text (a public key or a certificate), or <c>File:</c> followed by the path of such a
    /// PEM file. Several entries let a key rotation overlap.
    /// </summary>
    public Dictionary<string, string> PlatformPublicKeys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where WeChat Pay posts the payment notifications: absolute, https, no query string.</summary>
    public string? NotifyUrl { get; set; }

    /// <summary>Allow an http <see cref="NotifyUrl"/> (the embedded demo's cashier posts on the LAN). Never for real payments.</summary>
    public bool AllowHttpNotifyUrl { get; set; }

    /// <summary>The API's address; https, or http to a loopback stand-in in tests.</summary>
    public string BaseUrl { get; set; } = "https://api.mch.weixin.qq.com";

    /// <summary><c>H5</c> (default: the phone page opens WeChat's H5 cashier) or <c>Native</c> (a QR code to scan).</summary>
    public string TradeType { get; set; } = "H5";

    /// <summary>How far a notification's or answer's <c>Wechatpay-Timestamp</c> may be from now, either way (30 s to 1 h).</summary>
    public TimeSpan NotificationMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an order request may take before the donor is told to try again (at most 1 min).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether orders are native (QR code) rather than H5.</summary>
    internal bool IsNative => string.Equals(TradeType, "Native", StringComparison.OrdinalIgnoreCase);
}
