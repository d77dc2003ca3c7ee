using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Behind the balancer every request comes from the balancer's address; it sends the client's in
/// <c>X-Forwarded-For</c>. That header is believed only from <see cref="CharityDayOptions.TrustedProxies"/>
/// (addresses or networks such as <c>10.0.0.0/24</c>), never by default: anyone can send it.
/// </summary>
public static class ProxyHostingExtensions
{
    private const string Setting = $"{CharityDayOptions.Section}:{nameof(CharityDayOptions.TrustedProxies)}";

    public static void AddCharityDayProxies(this IHostApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(Setting).Get<string[]>() ?? [];
        // Parsed when the pipeline is built at start-up, so a bad address stops the start naming it.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            var proxies = trusted.Select(Parse).ToList();
            // With no proxy known ASP.NET Core believes the header from every sender: then it is not read at all.
            options.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback out of the box; here only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownIPNetworks.Add(proxy);
            }
        });
    }

    private static System.Net.IPNetwork Parse(string proxy)
    {
        if (IPAddress.TryParse(proxy, out var address))
        {
            return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return System.Net.IPNetwork.TryParse(proxy, out var network)
            ? network
            : throw new InvalidOperationException($"{Setting} '{proxy}' is neither an IP address nor a network such as 10.0.0.0/24.");
    }
}
