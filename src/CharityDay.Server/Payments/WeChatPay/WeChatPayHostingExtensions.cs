using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>Composition of the WeChat Pay adapter: its options (checked at start), its HTTP client and the provider.</summary>
public static class WeChatPayHostingExtensions
{
    /// <summary>
    /// Registers <see cref="WeChatPayProvider"/> as the <see cref="IPaymentProvider"/>, with options bound from
    /// <paramref name="paymentsSection"/>'s <c>WeChatPay</c> section and validated at start (a wrong setting
    /// stops the host with the message). <paramref name="primaryHandler"/> replaces the network under the
    /// order requests: a test stand-in or the embedded demo's in-process cashier.
    /// </summary>
    public static IServiceCollection AddWeChatPay(
        this IServiceCollection services, IConfiguration paymentsSection, Func<IServiceProvider, HttpMessageHandler>? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(paymentsSection);
        services.AddOptions<WeChatPayOptions>().Bind(paymentsSection.GetSection(WeChatPayOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPayOptions>, WeChatPayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var http = services.AddHttpClient(WeChatPayProvider.HttpClientName).ConfigureHttpClient((provider, client) =>
        {
            client.Timeout = provider.GetRequiredService<IOptions<WeChatPayOptions>>().Value.RequestTimeout;
            client.MaxResponseContentBufferSize = 1 << 20;
        });
        if (primaryHandler is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        services.AddSingleton<WeChatPayProvider>();
        services.AddSingleton<IPaymentProvider>(provider => provider.GetRequiredService<WeChatPayProvider>());
        return services;
    }
}
