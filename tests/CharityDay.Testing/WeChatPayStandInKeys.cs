using System.Security.Cryptography;

namespace CharityDay.Testing;

/// <summary>
/// Everything a merchant and WeChat Pay share, made up for a test or a load run: the merchant's key
/// pair and certificate serial, WeChat Pay's (platform) key pair and its public key id, the APIv3 key,
/// the merchant id and the AppID. The server gets the merchant's private half and the platform's public
/// half (<see cref="WeChatPayStandIn.ServerSettings"/>); the stand-in holds the rest.
/// </summary>
public sealed record WeChatPayStandInKeys(
    RSA MerchantKey,
    string MerchantSerialNo,
    RSA PlatformKey,
    string PlatformSerial,
    string ApiV3Key,
    string MchId,
    string AppId)
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The merchant API private key as <c>apiclient_key.pem</c> holds it (PKCS#8).</summary>
    public string MerchantPrivateKeyPem => MerchantKey.ExportPkcs8PrivateKeyPem();

    /// <summary>The merchant's public key, as WeChat Pay knows it from the merchant API certificate.</summary>
    public string MerchantPublicKeyPem => MerchantKey.ExportSubjectPublicKeyInfoPem();

    /// <summary>The WeChat Pay public key (微信支付公钥) the server verifies with.</summary>
    public string PlatformPublicKeyPem => PlatformKey.ExportSubjectPublicKeyInfoPem();

    /// <summary>Fresh 2048-bit keys, a 40-hex-digit certificate serial, a <c>PUB_KEY_ID_…</c> key id and a 32-character APIv3 key.</summary>
    public static WeChatPayStandInKeys Generate() => new(
        RSA.Create(2048),
        Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
        RSA.Create(2048),
        "PUB_KEY_ID_01" + RandomNumberGenerator.GetString("0123456789", 28),
        RandomNumberGenerator.GetString(Alphanumeric, 32),
        "19" + RandomNumberGenerator.GetString("0123456789", 8),
        "wx" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant());
}
