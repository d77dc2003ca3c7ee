using CharityDay.Server.Payments.WeChatPay;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// The 演示收银台 as the provider: the WeChat Pay adapter itself, configured with keys made at start,
/// whose order requests the in-process <see cref="DemoOrderApi"/> answers and whose notices
/// <see cref="DemoCashier"/> writes.
/// </summary>
public static class DemoCashierHostingExtensions
{
    public static void AddDemoCashier(this IServiceCollection services)
    {
        var keys = DemoCashierKeys.Generate();
        services.AddSingleton(keys);
        services.AddSingleton<DemoCashier>();
        var payments = new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Settings().ToDictionary(s => $"{WeChatPayOptions.Section}:{s.Key}", s => s.Value))
            .Build();
        services.AddWeChatPay(payments, provider => new DemoOrderApi(keys, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPaymentProvider>(provider => new DemoPaymentProvider(provider.GetRequiredService<WeChatPayProvider>()));
    }
}
