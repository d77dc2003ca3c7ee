using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// The SHA256withRSA signatures of API v3 (签名生成 / 签名验证): what a request signs (five lines), what an
/// answer or a notification signs (three lines), each line ending in <c>\n</c>, the body as the raw bytes
/// that travel, and the <c>Authorization</c> header that carries a request's signature.
/// </summary>
internal static class WeChatPaySignature
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>Base64 of SHA256withRSA (PKCS#1 v1.5) over <paramref name="message"/>.</summary>
    public static string Sign(RSA key, ReadOnlySpan<byte> message) =>
        Convert.ToBase64String(key.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Whether <paramref name="signature"/> (Base64) is the key's SHA256withRSA over the message; false for anything malformed.</summary>
    public static bool Verify(RSA key, ReadOnlySpan<byte> message, string signature)
    {
        var bytes = new byte[(signature.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(signature, bytes, out var written))
        {
            return false;
        }

        try
        {
            return key.VerifyData(message, bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary><c>METHOD\npath?query\ntimestamp\nnonce\nbody\n</c>: what a merchant request signs.</summary>
    public static byte[] RequestMessage(string method, string pathAndQuery, long timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Lines($"{method}\n{pathAndQuery}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{nonce}\n", body);

    /// <summary><c>timestamp\nnonce\nbody\n</c>: what WeChat Pay signs in an answer or a notification (an empty body leaves a lone <c>\n</c>).</summary>
    public static byte[] AnswerMessage(string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Lines($"{timestamp}\n{nonce}\n", body);

    /// <summary>The request header value: scheme, then the five fields (the order does not matter to WeChat Pay).</summary>
    public static string Authorization(string mchId, string serialNo, long timestamp, string nonce, string signature) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp.ToString(CultureInfo.InvariantCulture)}\",serial_no=\"{serialNo}\"";

    /// <summary>A fresh random string of 32 upper-case hex digits, as the documentation's examples use.</summary>
    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static byte[] Lines(string head, ReadOnlySpan<byte> body)
    {
        var headLength = Encoding.UTF8.GetByteCount(head);
        var message = new byte[headLength + body.Length + 1];
        Encoding.UTF8.GetBytes(head, message);
        body.CopyTo(message.AsSpan(headLength));
        message[^1] = (byte)'\n';
        return message;
    }
}
