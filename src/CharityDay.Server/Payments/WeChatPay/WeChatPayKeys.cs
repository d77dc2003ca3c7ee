using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// The key material the adapter works with, loaded once from <see cref="WeChatPayOptions"/>: the merchant
/// private key that signs our requests, WeChat Pay's public keys by serial that sign its answers and
/// notifications, and the APIv3 key that decrypts them. The readers report a problem naming the
/// setting, never a key, so the validator and the provider say the same thing.
/// </summary>
/// <remarks>One RSA instance serves concurrent signs and verifies: they do not change the key.</remarks>
internal sealed class WeChatPayKeys(RSA merchantKey, IReadOnlyDictionary<string, RSA> platformKeys, byte[] apiV3Key)
{
    public const int MinimumKeyBits = 2048;
    private const string FilePrefix = "File:";

    public RSA MerchantKey { get; } = merchantKey;

    public byte[] ApiV3Key { get; } = apiV3Key;

    /// <summary>The WeChat Pay key for the serial of a <c>Wechatpay-Serial</c> header, if we hold it.</summary>
    public RSA? PlatformKey(string serial) => platformKeys.GetValueOrDefault(serial);

    /// <summary>Loads everything; the options were validated, so a failure here is a file that changed since.</summary>
    public static WeChatPayKeys Load(WeChatPayOptions options)
    {
        var merchant = ReadMerchantKey(options, out var problem) ?? throw new InvalidOperationException(problem);
        var platform = new Dictionary<string, RSA>(StringComparer.OrdinalIgnoreCase);
        foreach (var (serial, value) in options.PlatformPublicKeys)
        {
            platform[serial] = ReadPlatformKey(serial, value ?? "", out problem) ?? throw new InvalidOperationException(problem);
        }

        return new WeChatPayKeys(merchant, platform, Encoding.ASCII.GetBytes(options.ApiV3Key ?? ""));
    }

    /// <summary>The merchant private key from <c>MerchantPrivateKey</c> or <c>MerchantPrivateKeyFile</c>, or why not.</summary>
    public static RSA? ReadMerchantKey(WeChatPayOptions options, out string? problem)
    {
        const string inline = "Payments:WeChatPay:MerchantPrivateKey";
        const string file = "Payments:WeChatPay:MerchantPrivateKeyFile";
        var hasInline = !string.IsNullOrWhiteSpace(options.MerchantPrivateKey);
        var hasFile = !string.IsNullOrWhiteSpace(options.MerchantPrivateKeyFile);
        if (hasInline == hasFile)
        {
            problem = hasInline
                ? $"{inline} 与 {file} 只能设置一个 (set only one of them)."
                : $"{inline} 未设置，{file} 也未设置：需要商户API私钥 PEM (neither is set: the merchant API private key, apiclient_key.pem, is needed).";
            return null;
        }

        var setting = hasInline ? inline : file;
        string pem;
        if (hasInline)
        {
            pem = options.MerchantPrivateKey!;
        }
        else if (ReadFile(options.MerchantPrivateKeyFile!, setting, out problem) is { } text)
        {
            pem = text;
        }
        else
        {
            return null;
        }

        if (!TryFindPem(pem, out var label) || label is not ("PRIVATE KEY" or "RSA PRIVATE KEY"))
        {
            problem = $"{setting} 不是 PEM 格式的 RSA 私钥 (is not an unencrypted RSA private key in PEM: -----BEGIN PRIVATE KEY-----).";
            return null;
        }

        return ImportRsa(pem, setting, isPrivate: true, out problem);
    }

    /// <summary>A WeChat Pay public key (or the key of a platform certificate) from one <c>PlatformPublicKeys</c> entry, or why not.</summary>
    public static RSA? ReadPlatformKey(string serial, string value, out string? problem)
    {
        var setting = $"Payments:WeChatPay:PlatformPublicKeys:{serial}";
        var pem = value;
        if (value.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase))
        {
            if (ReadFile(value[FilePrefix.Length..].Trim(), setting, out problem) is not { } text)
            {
                return null;
            }

            pem = text;
        }

        if (!TryFindPem(pem, out var label) || label is not ("PUBLIC KEY" or "RSA PUBLIC KEY" or "CERTIFICATE"))
        {
            problem = $"{setting} 不是 PEM 格式的 RSA 公钥或证书 (is not an RSA public key or certificate in PEM, nor File: and the path of one).";
            return null;
        }

        if (label == "CERTIFICATE")
        {
            try
            {
                using var certificate = X509Certificate2.CreateFromPem(pem);
                var key = certificate.GetRSAPublicKey();
                problem = key is null ? $"{setting} 证书中没有 RSA 公钥 (the certificate holds no RSA key)." : CheckSize(key, setting);
                return problem is null ? key : null;
            }
            catch (CryptographicException)
            {
                problem = $"{setting} 证书无法读取 (the certificate cannot be read).";
                return null;
            }
        }

        return ImportRsa(pem, setting, isPrivate: false, out problem);
    }

    private static RSA? ImportRsa(string pem, string setting, bool isPrivate, out string? problem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            problem = isPrivate
                ? $"{setting} 不是可读取的 RSA 私钥 (is not a readable RSA private key in PEM)."
                : $"{setting} 不是可读取的 RSA 公钥 (is not a readable RSA public key in PEM).";
            return null;
        }

        problem = CheckSize(rsa, setting);
        if (problem is not null)
        {
            rsa.Dispose();
            return null;
        }

        return rsa;
    }

    private static string? CheckSize(RSA rsa, string setting) => rsa.KeySize < MinimumKeyBits
        ? $"{setting} 的 RSA 密钥少于 {MinimumKeyBits} 位 (the RSA key has {rsa.KeySize} bits; WeChat Pay uses {MinimumKeyBits} or more)."
        : null;

    private static bool TryFindPem(string text, out string label)
    {
        label = "";
        if (!PemEncoding.TryFind(text, out var fields))
        {
            return false;
        }

        label = text[fields.Label];
        return true;
    }

    private static string? ReadFile(string path, string setting, out string? problem)
    {
        try
        {
            problem = null;
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"{setting} 指向的文件无法读取 (the file '{path}' cannot be read: {error.GetType().Name}).";
            return null;
        }
    }
}
