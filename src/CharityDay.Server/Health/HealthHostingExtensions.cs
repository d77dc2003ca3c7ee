using System.Text.Json;
using CharityDay.Server.Hosting;
using CharityDay.Server.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CharityDay.Server.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (a balancer's last resort). <c>/health/ready</c>: this node
/// should be sent traffic: not stopping, the silo joined, the database takes a write, (embedded) its
/// file is still the one the server opened, and (in a cluster) Redis answers. Both answer JSON naming each check, for the night crew.
/// </summary>
public static class HealthHostingExtensions
{
    private const string Ready = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static void AddCharityDayHealth(this IHostApplicationBuilder builder, ClusterSettings cluster, StorageSettings storage)
    {
        var drain = builder.Configuration.GetValue<TimeSpan?>($"{CharityDayOptions.Section}:{nameof(CharityDayOptions.ShutdownDrain)}")
            ?? (cluster.IsCluster ? CharityDayOptions.ClusterShutdownDrain : TimeSpan.Zero);
        // Kestrel and the silo get the host's shutdown timeout; a stop stuck longer than that ends the process.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = StopTimeout);
        builder.Services.AddSingleton<OpenHubConnections>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<OpenHubConnections>());
        builder.Services.AddSingleton(services => new ShutdownDrain(
            drain, StopTimeout + TimeSpan.FromSeconds(5), services.GetRequiredService<OpenHubConnections>(), services.GetRequiredService<ILogger<ShutdownDrain>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.AddSingleton<ReadinessLog>();

        var checks = builder.Services.AddHealthChecks()
            .AddCheck<NotStoppingCheck>("stopping", tags: [Ready])
            .AddCheck<SiloJoinedCheck>("silo", tags: [Ready])
            .AddCheck<DatabaseWriteCheck>("database", tags: [Ready], timeout: CheckTimeout);
        if (storage.IsEmbedded)
        {
            checks.AddCheck<DatabaseFileCheck>("database-file", tags: [Ready]);
        }

        if (cluster.IsCluster)
        {
            checks.AddCheck<RedisAnswersCheck>("redis", tags: [Ready], timeout: CheckTimeout);
        }
    }

    public static void MapCharityDayHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var readiness = app.Services.GetRequiredService<ReadinessLog>();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = (context, report) =>
            {
                readiness.Note(report);
                return WriteAsync(context, report);
            },
        });
    }

    internal static Dictionary<string, string> Describe(HealthReport report) =>
        report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status == HealthStatus.Healthy
            ? "healthy"
            : $"{entry.Value.Status.ToString().ToLowerInvariant()}: {entry.Value.Description}");

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var checks = Describe(report);
        return JsonSerializer.SerializeAsync(context.Response.Body, new HealthAnswer(report.Status.ToString().ToLowerInvariant(), checks), JsonSerializerOptions.Web, context.RequestAborted);
    }

    private sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, string> Checks);
}
