using System.Security.Cryptography;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// The 演示收银台's keys, made fresh at every start and kept only in memory: the "merchant" key our
/// WeChat Pay adapter signs orders with, and the "platform" key and APIv3 key the demo cashier signs
/// and encrypts its notices with, so the adapter checks them exactly as it would WeChat Pay's. An order
/// made before a restart can still be paid after it: the notice is signed when the button is pressed.
/// </summary>
public sealed class DemoCashierKeys : IDisposable
{
    public const string MchId = "1230000109";
    public const string AppId = "wxd678efh567hg6787";
    public const string MerchantSerialNo = "DEMO0000000000000000000000000000MERCHANT";
    public const string PlatformSerial = "PUB_KEY_ID_0000000000DEMOCASHIER";

    private DemoCashierKeys(RSA merchant, RSA platform, string apiV3Key) => (Merchant, Platform, ApiV3Key) = (merchant, platform, apiV3Key);

    public RSA Merchant { get; }

    public RSA Platform { get; }

    public string ApiV3Key { get; }

    public static DemoCashierKeys Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return new DemoCashierKeys(RSA.Create(2048), RSA.Create(2048), RandomNumberGenerator.GetString(alphabet, 32));
    }

    /// <summary>The <c>Payments:WeChatPay</c> settings that point the adapter at the demo cashier.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["MchId"] = MchId,
        ["AppId"] = AppId,
        ["MerchantSerialNo"] = MerchantSerialNo,
        ["MerchantPrivateKey"] = Merchant.ExportPkcs8PrivateKeyPem(),
        ["ApiV3Key"] = ApiV3Key,
        [$"PlatformPublicKeys:{PlatformSerial}"] = Platform.ExportSubjectPublicKeyInfoPem(),
        ["NotifyUrl"] = "http://demo-cashier.invalid" + Endpoints.DonationsApi.NoticePath,
        ["AllowHttpNotifyUrl"] = "true",
        ["BaseUrl"] = DemoOrderApi.BaseUrl,
    };

    public void Dispose()
    {
        Merchant.Dispose();
        Platform.Dispose();
    }
}
