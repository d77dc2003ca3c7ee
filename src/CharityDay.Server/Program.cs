using CharityDay.Server.Auth;
using CharityDay.Server.Endpoints;
using CharityDay.Server.Health;
using CharityDay.Server.Hosting;
using CharityDay.Server.Hubs;
using CharityDay.Server.Payments;
using CharityDay.Server.Payments.Demo;
using CharityDay.Server.Storage;

try
{
    // Settings are read next to the program wherever it is started from (a service manager's folder is
    // not ours); the data folder stays relative to where it is started.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    var storage = builder.AddCharityDayStorage();                         // SQLite file, or PostgreSQL shared by every node
    var cluster = ClusterSettings.From(builder.Configuration, storage);   // one node, or a cluster found through Redis
    builder.AddCharityDaySilo(storage, cluster);                          // Orleans, co-hosted; pushes to every node's hub
    builder.AddCharityDayAuth(storage);                                   // admin key, desk tokens, sign-in limit
    builder.AddCharityDayProxies();                                       // whose X-Forwarded-For is believed
    builder.AddCharityDayApi();
    builder.AddCharityDayPayments(storage);                               // online orders; WeChat Pay, or the demo cashier (embedded only)
    builder.AddCharityDayTelemetry();                                     // /metrics (Prometheus), OTLP when configured
    builder.AddCharityDayHealth(cluster, storage);                        // /health/live, /health/ready, the drain on SIGTERM
    builder.Services.AddHostedService<DemoEventSeeder>();                 // the demo event (embedded mode, or when asked)
    builder.AddCharityDayBaselines();                                     // load-test baselines, only when enabled

    var app = builder.Build();
    app.UseCharityDayPipeline();
    app.MapCharityDayHealth();
    app.MapOpenApi();
    app.MapAuthApi();
    app.MapEventsApi();
    app.MapPledgesApi();
    app.MapDonationsApi();                                                // orders, their status, the provider's notices
    app.MapDemoCashier();                                                 // the 演示收银台, when it is the provider
    app.MapLedgerApi();
    app.MapScenesApi();
    app.MapClusterApi();
    app.MapHub<LiveHub>("/hubs/live");
    app.MapCharityDayBaselines();
    app.MapStageDisplay();                                                // the four pages, last: they take what no route did
    app.Run();
    return 0;
}
catch (Exception error) when (error is not HostAbortedException)
{
    // A setting that is wrong or a service that is down: the reason, without a stack trace, and exit 1.
    var known = error is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or IOException;
    Console.Error.WriteLine($"Charity Day Live did not start: {(known ? error.Message : error.ToString())}");
    return 1;
}

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
