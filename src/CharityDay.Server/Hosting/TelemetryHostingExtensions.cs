using CharityDay.Server.Telemetry;
using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Metrics a night crew can watch: the project's meters (<c>CharityDay.*</c>), ASP.NET Core's, the
/// runtime's and Orleans', scraped from <c>/metrics</c> on each node and, when an OTLP endpoint is set
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), also pushed there. No tag carries a path, a name or a token.
/// </summary>
public static class TelemetryHostingExtensions
{
    public const string ScrapePath = "/metrics";

    public static void AddCharityDayTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<LiveConnectionsFilter>());

        var configuration = builder.Configuration;
        var exportsOtlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("charityday-server");
                }
            })
            .WithMetrics(metrics =>
            {
                // The wildcard takes CharityDay.Ledger (in the grains) and every meter added later.
                metrics.AddMeter("CharityDay.*", "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (exportsOtlp)
                {
                    // Endpoint, protocol, headers and interval come from the standard OTEL_EXPORTER_OTLP_* settings.
                    metrics.AddOtlpExporter();
                }
            });
    }

    /// <summary>
    /// First in the pipeline, so the answer metrics see every request's whole time and the 503s that
    /// the exception handler writes.
    /// </summary>
    public static void MapCharityDayTelemetry(this WebApplication app)
    {
        app.UseMiddleware<AnswerMetricsMiddleware>();
        app.MapPrometheusScrapingEndpoint(ScrapePath);
    }
}
