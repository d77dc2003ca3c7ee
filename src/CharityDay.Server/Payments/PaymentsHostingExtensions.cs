using CharityDay.Grains.Orders;
using CharityDay.Server.Payments.Demo;
using CharityDay.Server.Payments.WeChatPay;
using CharityDay.Server.Storage;

namespace CharityDay.Server.Payments;

/// <summary>
/// Online giving: the order store, the provider chosen by <c>Payments:Provider</c>, and the guard that
/// the 演示收银台 never runs outside embedded mode (a node on PostgreSQL is a production node).
/// </summary>
public static class PaymentsHostingExtensions
{
    public static void AddCharityDayPayments(this IHostApplicationBuilder builder, StorageSettings storage)
    {
        builder.Services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SqlDonationOrders>();
        builder.Services.AddSingleton<DonationOrdering>();

        var configured = builder.Configuration[$"{PaymentOptions.Section}:{nameof(PaymentOptions.Provider)}"]?.Trim();
        var provider = string.IsNullOrEmpty(configured) ? (storage.IsEmbedded ? PaymentOptions.Demo : null) : configured.ToLowerInvariant();
        switch (provider)
        {
            case null or "none":
                break;
            case PaymentOptions.WeChatPay:
                builder.Services.AddWeChatPay(builder.Configuration.GetSection(PaymentOptions.Section));
                builder.Services.AddSingleton<PaymentNotices>();
                break;
            case PaymentOptions.Demo when storage.IsEmbedded:
                builder.Services.AddDemoCashier();
                builder.Services.AddSingleton<PaymentNotices>();
                break;
            case PaymentOptions.Demo:
                throw new InvalidOperationException(
                    "Payments:Provider is 'demo' (the 演示收银台, which pays without money) on a production node (PostgreSQL): " +
                    "configure Payments:Provider=wechatpay with Payments:WeChatPay:*, or leave it empty for no online giving.");
            default:
                throw new InvalidOperationException($"Payments:Provider must be 'wechatpay', 'demo' (embedded mode only) or empty, not '{configured}'.");
        }
    }
}
