using System.ComponentModel.DataAnnotations;

namespace CharityDay.Server.Payments;

/// <summary>
/// Section <c>Payments</c>: which provider takes online donations and how long an order can be paid.
/// Without a provider, online giving is off (stage pledges still work); <c>demo</c> (the 演示收银台) is
/// the default in embedded mode and refused anywhere else.
/// </summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    public const string WeChatPay = "wechatpay";

    public const string Demo = "demo";

    /// <summary><c>wechatpay</c>, <c>demo</c>, or empty for no online giving.</summary>
    public string? Provider { get; set; }

    /// <summary>How long an unpaid order can still be paid; after that it never counts. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00")]
    public TimeSpan OrderLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest single online donation, in fen, apart from the stage cap. Default 5万元.</summary>
    [Range(1, long.MaxValue)]
    public long MaxAmountFen { get; set; } = 5_000_000;
}
