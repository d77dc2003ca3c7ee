using CharityDay.Contracts;
using CharityDay.Grains.Events;
using CharityDay.Server.Endpoints;
using CharityDay.Server.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Hosting;

/// <summary>
/// First run on embedded storage: makes sure a live demo event with three desks exists and prints
/// where everything is, the desk codes (a code only when it was just made: codes are stored hashed)
/// and where a generated admin key is kept (never the key itself: console output ends up in journals
/// and screenshots), so a newcomer can try it at once.
/// </summary>
internal sealed class DemoEventSeeder(
    IGrainFactory grains,
    IOptions<CharityDayOptions> options,
    StorageSettings storage,
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<DemoEventSeeder> logger) : IHostedService
{
    public const string EventId = "demo";

    private static readonly (string Id, string Name)[] Desks = [("desk-1", "一号录入台"), ("desk-2", "二号录入台"), ("desk-3", "三号录入台")];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(options.Value.SeedDemoEvent ?? storage.IsEmbedded))
        {
            return;
        }

        // In a cluster the event's grains may be on a node that is going or a database connection the
        // last PostgreSQL restart cut: every step is safe to repeat, so try again before giving up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SeedAsync();
                return;
            }
            catch (Exception error) when (attempt < 5 && error is not OperationCanceledException)
            {
                logger.LogWarning("Seeding the demo event failed (attempt {Attempt} of 5), trying again: {Reason}", attempt, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    private async Task SeedAsync()
    {
        var events = grains.GetGrain<IEventGrain>(EventId);
        var created = await events.GetAsync() is null;
        if (created)
        {
            const long Wan = 10_000 * 100;
            await events.CreateAsync(
                new EventSetup("2026 城市慈善日晚会（演示）", 20_000 * Wan, [1_000 * Wan, 500 * Wan, 200 * Wan, 100 * Wan, 50 * Wan, 10 * Wan],
                    [5_000 * Wan, 10_000 * Wan, 15_000 * Wan, 20_000 * Wan]),
                options.Value.OnlineShards);
        }

        // Codes are kept only as hashes: the ones made now are printed now, once, and never again.
        var codes = new Dictionary<string, string>();
        var existing = (await events.GetAsync())!;
        foreach (var (id, name) in Desks.Where(desk => !EventCatalog.HasDesk(existing, desk.Id)))
        {
            var code = AccessCodes.New();
            if ((await events.AddDeskAsync(id, name, AccessCodes.Hash(code))).Kind == EventChangeKind.Done)
            {
                codes[id] = code;
            }
        }

        if (created)
        {
            await events.SetStatusAsync(EventStatus.Live);
            logger.LogInformation("Seeded the demo event {EventId}", EventId);
        }

        var definition = (await events.GetAsync())!;
        if (storage.IsEmbedded)
        {
            lifetime.ApplicationStarted.Register(() => PrintWelcome(definition, codes));
        }
        else
        {
            // A shared database's node logs go to a journal: no key and no access code in them.
            logger.LogInformation("The demo event {EventId} is live; to get a desk's access code, rotate it: POST /api/events/{EventId}/desks/{{deskId}}/code with the admin key", EventId, EventId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintWelcome(EventDefinition definition, Dictionary<string, string> codes)
    {
        var address = Reachable(server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000");
        var desks = string.Join(Environment.NewLine, definition.Desks.Select(d => $"    {d.Name} {d.DeskId}: 访问码 access code " + (codes.TryGetValue(d.DeskId, out var code)
            ? code
            : "首次启动时已显示；忘了请在管理页「更换访问码」 (shown at the first start; rotate it on the admin page)")));
        logger.LogInformation(
            """
            Charity Day Live is running on embedded storage ({DataDirectory}).
              大屏幕 Big screen: {Address}/screen/{EventId}
              观众页 Viewers:    {Address}/e/{EventId}
              录入台 Operators:  {Address}/operator
              管理 Admin:        {Address}/admin
              Running total: {Address}/api/events/{EventId}/total
              Live hub:      {Address}/hubs/live   (Watch("{EventId}") big screen, Follow(…) phone)
              API document:  {Address}/openapi/v1.json{AdminKeyFile}
              Desks of event '{EventId}':
            {Desks}
            """,
            storage.DataDirectory, address, definition.EventId, address, definition.EventId, address, address,
            address, definition.EventId, address, definition.EventId, address, AdminKeyFileLine(), definition.EventId, desks);
    }

    /// <summary>Where a generated key is kept, as one more banner line; nothing at all when the key came from configuration.</summary>
    private string AdminKeyFileLine() =>
        string.IsNullOrWhiteSpace(configuration[$"{CharityDayOptions.Section}:{nameof(CharityDayOptions.AdminKey)}"])
            ? $"{Environment.NewLine}  Admin key:     in {Path.Combine(storage.DataDirectory, Auth.AdminKeyFile.FileName)}   (Authorization: Bearer <key>)"
            : "";

    /// <summary>
    /// Listening on every interface (0.0.0.0, [::], *) is not an address to type: this machine's LAN
    /// address is (a phone on the venue Wi-Fi cannot resolve the machine's name), else its name.
    /// </summary>
    private static string Reachable(string address)
    {
        var uri = new UriBuilder(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = LanAddress() ?? System.Net.Dns.GetHostName();
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    private static string? LanAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up
                && n.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))
            ?.ToString();
}
