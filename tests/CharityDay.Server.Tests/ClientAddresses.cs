using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests;

/// <summary>
/// A server behind a trusted balancer, as on the night: every request arrives from the balancer's
/// address and names its client in X-Forwarded-For, so a test can speak from as many client
/// addresses as it likes (a hall behind one NAT, or an abuser beside it).
/// </summary>
internal static class ClientAddresses
{
    public const string Balancer = "10.1.2.3";

    /// <summary>A server that trusts <see cref="Balancer"/>, with <paramref name="settings"/> on top.</summary>
    public static CharityDayApp BehindBalancer(params (string Key, string Value)[] settings) =>
        CharityDayApp.With([("CharityDay:TrustedProxies:0", Balancer), .. settings]);

    /// <summary>Every request of this factory arrives from <paramref name="balancer"/>, as it would over the network.</summary>
    public static WebApplicationFactory<Program> FromBalancer(this WebApplicationFactory<Program> app, string balancer = Balancer,
        Action<IServiceCollection>? services = null) =>
        app.WithWebHostBuilder(web => web.ConfigureServices(collection =>
        {
            collection.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(balancer)));
            services?.Invoke(collection);
        }));

    /// <summary>A client whose requests say they come from <paramref name="client"/>.</summary>
    public static HttpClient ClientAt(this WebApplicationFactory<Program> app, string client, string? bearer = null)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return http;
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextStep) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextStep(context);
            });
            next(app);
        };
    }
}
