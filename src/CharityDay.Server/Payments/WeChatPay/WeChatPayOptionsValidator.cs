using System.Net;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// Checks <see cref="WeChatPayOptions"/> at start: one message per wrong setting, Chinese first and
/// English in parentheses, naming the setting and never the value of a key.
/// </summary>
internal sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    private const string Prefix = "Payments:WeChatPay:";
    public const int ApiV3KeyLength = 32;

    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        var problems = new List<string>();
        Require(problems, options.MchId, "MchId", "微信支付商户号", "the WeChat Pay merchant id, mchid");
        Require(problems, options.AppId, "AppId", "与商户号绑定的 AppID", "the AppID bound to the merchant id");
        Require(problems, options.MerchantSerialNo, "MerchantSerialNo", "商户API证书序列号", "the serial number of the merchant API certificate");

        using (var merchantKey = WeChatPayKeys.ReadMerchantKey(options, out var keyProblem))
        {
            Add(problems, keyProblem);
        }

        if (options.ApiV3Key is not { Length: ApiV3KeyLength } key || !key.All(char.IsAscii))
        {
            problems.Add($"{Prefix}ApiV3Key 必须恰好是 {ApiV3KeyLength} 个 ASCII 字符 (must be exactly {ApiV3KeyLength} ASCII characters, the APIv3 key of the merchant platform; " +
                $"it has {options.ApiV3Key?.Length ?? 0} characters{(options.ApiV3Key?.All(char.IsAscii) == false ? ", not all ASCII" : "")}).");
        }

        if (options.PlatformPublicKeys.Count == 0)
        {
            problems.Add($"{Prefix}PlatformPublicKeys 未设置：至少需要一个微信支付公钥或平台证书 " +
                "(none set: at least one WeChat Pay public key or platform certificate, by its serial, e.g. PlatformPublicKeys:PUB_KEY_ID_… = PEM or File:path).");
        }

        foreach (var (serial, value) in options.PlatformPublicKeys)
        {
            using var platformKey = WeChatPayKeys.ReadPlatformKey(serial, value ?? "", out var platformProblem);
            Add(problems, platformProblem);
        }

        Add(problems, CheckNotifyUrl(options));
        Add(problems, CheckBaseUrl(options.BaseUrl));
        if (!string.Equals(options.TradeType, "H5", StringComparison.OrdinalIgnoreCase) && !options.IsNative)
        {
            problems.Add($"{Prefix}TradeType 只能是 H5 或 Native (must be H5 or Native, not '{options.TradeType}').");
        }

        if (options.NotificationMaxAge < TimeSpan.FromSeconds(30) || options.NotificationMaxAge > TimeSpan.FromHours(1))
        {
            problems.Add($"{Prefix}NotificationMaxAge 必须在 30 秒到 1 小时之间 (must be between 00:00:30 and 01:00:00, not {options.NotificationMaxAge}).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{Prefix}RequestTimeout 必须大于 0 且不超过 1 分钟 (must be more than zero and at most 00:01:00, not {options.RequestTimeout}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? CheckNotifyUrl(WeChatPayOptions options)
    {
        const string setting = Prefix + "NotifyUrl";
        if (!Uri.TryCreate(options.NotifyUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return $"{setting} 必须是完整的网址 (must be an absolute http(s) URL where WeChat Pay posts notifications, e.g. https://pay.example.org/api/payments/wechatpay/notify).";
        }

        if (url.Scheme == "http" && !options.AllowHttpNotifyUrl)
        {
            return $"{setting} 必须使用 https (must use https; only a demo on the LAN sets Payments:WeChatPay:AllowHttpNotifyUrl=true).";
        }

        return url.Query.Length > 0 || url.Fragment.Length > 0
            ? $"{setting} 不能带查询参数 (must not carry a query string or fragment: WeChat Pay requires a plain URL)."
            : null;
    }

    private static string? CheckBaseUrl(string? baseUrl)
    {
        const string setting = Prefix + "BaseUrl";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0)
        {
            return $"{setting} 必须是完整的网址 (must be an absolute https URL, default https://api.mch.weixin.qq.com).";
        }

        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
        return url.Scheme == "http" && !loopback
            ? $"{setting} 必须使用 https (must use https; http is only for a stand-in on this machine's loopback address)."
            : null;
    }

    private static void Require(List<string> problems, string? value, string setting, string chinese, string english)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{Prefix}{setting} 未设置：{chinese} (is not set: {english}).");
        }
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
