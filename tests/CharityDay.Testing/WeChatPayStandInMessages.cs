using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CharityDay.Testing;

/// <summary>
/// WeChat Pay's side of API v3, written from the public documentation and independently of the product's
/// adapter, so a test that passes proves the two agree with the documents, not with each other: the
/// signature strings joined line by line, SHA256withRSA, AEAD_AES_256_GCM with the tag after the
/// ciphertext, and the JSON laid out field by field as the documentation shows it.
/// </summary>
public static class WeChatPayStandInMessages
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    public const string AuthorizationScheme = "WECHATPAY2-SHA256-RSA2048";

    private static readonly JsonSerializerOptions Layout = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Base64(SHA256withRSA) over the UTF-8 of <paramref name="message"/>.</summary>
    public static string Sign(RSA key, string message) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Whether <paramref name="signature"/> is the key's signature over <paramref name="message"/>.</summary>
    public static bool Verify(RSA key, string message, string signature)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The answer/notification signature string: <c>timestamp\nnonce\nbody\n</c>.</summary>
    public static string AnswerSignatureString(string timestamp, string nonce, string body) => timestamp + "\n" + nonce + "\n" + body + "\n";

    /// <summary>The request signature string: <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c>.</summary>
    public static string RequestSignatureString(string method, string url, string timestamp, string nonce, string body) =>
        method + "\n" + url + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";

    /// <summary>The fields of a <c>WECHATPAY2-SHA256-RSA2048 k="v",…</c> header, or null when it is not one.</summary>
    public static Dictionary<string, string>? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(AuthorizationScheme + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>();
        foreach (var part in header[(AuthorizationScheme.Length + 1)..].Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 1 || part.Length < equals + 3 || part[equals + 1] != '"' || part[^1] != '"')
            {
                return null;
            }

            fields[part[..equals].Trim()] = part[(equals + 2)..^1];
        }

        return fields;
    }

    /// <summary>Base64 of AES-256-GCM(ciphertext ‖ 16-byte tag): key = the APIv3 key's bytes, nonce and AAD as UTF-8.</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[clear.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16))
        {
            aes.Encrypt(Encoding.UTF8.GetBytes(nonce), clear, cipher, tag, Encoding.UTF8.GetBytes(associatedData));
        }

        return Convert.ToBase64String([.. cipher, .. tag]);
    }

    /// <summary>A decrypted payment notification resource, laid out as the documentation's example.</summary>
    public static string TransactionJson(
        string mchId, string appId, string outTradeNo, string transactionId, string tradeState, long total,
        DateTimeOffset successTime, string openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", string tradeType = "MWEB") =>
        new JsonObject
        {
            ["mchid"] = mchId,
            ["appid"] = appId,
            ["out_trade_no"] = outTradeNo,
            ["transaction_id"] = transactionId,
            ["trade_type"] = tradeType,
            ["trade_state"] = tradeState,
            ["trade_state_desc"] = tradeState == "SUCCESS" ? "支付成功" : tradeState,
            ["bank_type"] = "OTHERS",
            ["attach"] = "",
            ["success_time"] = ChinaTime(successTime),
            ["payer"] = new JsonObject { ["openid"] = openId },
            ["amount"] = new JsonObject { ["total"] = total, ["payer_total"] = total, ["currency"] = "CNY", ["payer_currency"] = "CNY" },
        }.ToJsonString(Layout);

    /// <summary>The notification envelope with the given (already encrypted) resource fields.</summary>
    public static string NotificationJson(
        string ciphertext, string nonce, string associatedData = "transaction", string algorithm = Algorithm,
        string eventType = "TRANSACTION.SUCCESS", DateTimeOffset? createTime = null) =>
        new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["create_time"] = ChinaTime(createTime ?? DateTimeOffset.UtcNow),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "transaction",
                ["algorithm"] = algorithm,
                ["ciphertext"] = ciphertext,
                ["associated_data"] = associatedData,
                ["nonce"] = nonce,
            },
        }.ToJsonString(Layout);

    /// <summary>The notification envelope around <paramref name="transactionJson"/>, encrypted with the APIv3 key.</summary>
    public static string EncryptedNotificationJson(string apiV3Key, string transactionJson, string algorithm = Algorithm, string eventType = "TRANSACTION.SUCCESS")
    {
        var nonce = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        return NotificationJson(Encrypt(apiV3Key, nonce, "transaction", transactionJson), nonce, "transaction", algorithm, eventType);
    }

    /// <summary>The body with the four <c>Wechatpay-*</c> headers, signed at <paramref name="at"/> with <paramref name="key"/>.</summary>
    public static WeChatPayStandInNotice SignedNotice(RSA key, string serial, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = Sign(key, AnswerSignatureString(timestamp, nonce, body)),
            ["Wechatpay-Serial"] = serial,
        };
        return new WeChatPayStandInNotice(headers, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>RFC 3339 in Beijing time, as WeChat Pay writes times: <c>2018-06-08T10:34:56+08:00</c>.</summary>
    public static string ChinaTime(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
}
