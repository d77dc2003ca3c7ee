using System.Globalization;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// Decides whether a message really comes from WeChat Pay (签名验证): the four <c>Wechatpay-*</c>
/// headers are there, the serial is one of ours, the timestamp is within
/// <see cref="WeChatPayOptions.NotificationMaxAge"/> of now, and the signature verifies over
/// <c>timestamp\nnonce\nbody\n</c>. The same check serves notifications and order answers.
/// </summary>
internal sealed class WeChatPayVerifier(WeChatPayKeys keys, TimeProvider clock, TimeSpan maxAge)
{
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";
    public const string SignatureTypeHeader = "Wechatpay-Signature-Type";

    private static readonly string[] Required = [TimestampHeader, NonceHeader, SignatureHeader, SerialHeader];

    /// <summary>Null when the message is verified; otherwise why not, safe to log and to answer.</summary>
    /// <param name="header">A header's single value, or null when it is missing or repeated.</param>
    /// <param name="body">The body exactly as it travelled.</param>
    public string? Check(Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        foreach (var name in Required)
        {
            if (string.IsNullOrEmpty(header(name)))
            {
                return $"缺少签名头 {name} (header {name} is missing or repeated)";
            }
        }

        if (header(SignatureTypeHeader) is { } type && type != WeChatPaySignature.Scheme)
        {
            return $"不支持的签名类型 (signature type '{Printable(type)}' is not {WeChatPaySignature.Scheme})";
        }

        var serial = header(SerialHeader)!;
        if (keys.PlatformKey(serial) is not { } key)
        {
            return $"未知的微信支付公钥序列号 (unknown WeChat Pay key serial '{Printable(serial)}')";
        }

        var timestamp = header(TimestampHeader)!;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return "时间戳无效 (Wechatpay-Timestamp is not a number of seconds)";
        }

        var skew = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > maxAge)
        {
            return skew > TimeSpan.Zero
                ? $"通知已过期 (timestamp is {skew.TotalSeconds:0} s old, more than {maxAge.TotalSeconds:0} s)"
                : $"时间戳在未来 (timestamp is {-skew.TotalSeconds:0} s ahead, more than {maxAge.TotalSeconds:0} s)";
        }

        var message = WeChatPaySignature.AnswerMessage(timestamp, header(NonceHeader)!, body);
        return WeChatPaySignature.Verify(key, message, header(SignatureHeader)!)
            ? null
            : "签名验证失败 (signature is not valid for this timestamp, nonce and body)";
    }

    /// <summary>A header value fit for a log line: at most 64 visible ASCII characters.</summary>
    private static string Printable(string value)
    {
        var clean = new string([.. value.Where(c => c is >= ' ' and <= '~').Take(64)]);
        return clean.Replace('\'', '_');
    }
}
