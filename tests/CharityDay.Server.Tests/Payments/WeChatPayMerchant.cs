using CharityDay.Server.Payments.WeChatPay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// Our side, built the way the server builds it: <c>AddWeChatPay</c> over a <c>Payments</c> configuration
/// section (the stand-in's <see cref="WeChatPayStandIn.ServerSettings"/> plus a test's changes), with the
/// start-up validation run before the provider is handed out.
/// </summary>
public sealed class WeChatPayMerchant : IDisposable
{
    public static readonly Uri NotifyUrl = new("https://charity.example.org/api/payments/wechatpay/notify");

    private readonly ServiceProvider _services;

    private WeChatPayMerchant(ServiceProvider services) => _services = services;

    public WeChatPayProvider Provider => _services.GetRequiredService<WeChatPayProvider>();

    /// <summary>The merchant of <paramref name="keys"/>; a null value in <paramref name="changes"/> removes a setting.</summary>
    public static WeChatPayMerchant Create(
        WeChatPayStandInKeys keys, TimeProvider? clock = null, Uri? baseUrl = null,
        Func<IServiceProvider, HttpMessageHandler>? primaryHandler = null, params (string Key, string? Value)[] changes)
    {
        var services = Services(keys, clock, baseUrl, primaryHandler, changes);
        services.GetRequiredService<IStartupValidator>().Validate();
        return new WeChatPayMerchant(services);
    }

    /// <summary>The services before validation, for tests of the validation itself.</summary>
    public static ServiceProvider Services(
        WeChatPayStandInKeys keys, TimeProvider? clock, Uri? baseUrl, Func<IServiceProvider, HttpMessageHandler>? primaryHandler, params (string Key, string? Value)[] changes)
    {
        var settings = WeChatPayStandIn.ServerSettings(keys, NotifyUrl, baseUrl ?? new Uri("https://api.mch.weixin.qq.com"))
            .ToDictionary(setting => setting.Key, setting => (string?)setting.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddWeChatPay(configuration.GetSection("Payments"), primaryHandler);
        return services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();
}
