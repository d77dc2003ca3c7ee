using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The night as it runs in production, on this machine: one publish of the server, three nodes of it on
/// PostgreSQL and Redis behind HAProxy (<see cref="LocalCluster"/>), and one browser whose pages open on
/// the venue's LAN name at the balancer's port. Each test makes its own event, so the tests sharing
/// the cluster do not depend on each other's totals or order; each leaves every node running.
/// </summary>
public sealed class NightCluster : IAsyncLifetime
{
    /// <summary>A port range of these tests' own, away from the other cluster tests and from Linux's ephemeral ports.</summary>
    public const string PortRange = "29500-29999";

    private readonly string _work = Directory.CreateTempSubdirectory("charityday-browser-cluster-").FullName;

    private readonly HashSet<int> _killed = [];
    private bool _redisStopped;

    public LocalCluster Cluster { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        var build = Path.GetDirectoryName(await ServerBuild.PublishAsync(Path.Combine(_work, "build")))!;
        Cluster = await LocalCluster.UpAsync(new LocalClusterOptions
        {
            Nodes = 3,
            Build = build,
            Directory = Path.Combine(_work, "cluster"),
            Ports = PortRange,
        });
        await Browser.InitializeAsync();
    }

    /// <summary>SIGKILL to node <paramref name="node"/>; <see cref="RestoreAsync"/> brings it back if the test does not.</summary>
    public async Task KillNodeAsync(int node)
    {
        _killed.Add(node);
        await Cluster.KillNodeAsync(node);
    }

    public async Task RestartNodeAsync(int node)
    {
        await Cluster.RestartNodeAsync(node);
        _killed.Remove(node);
    }

    /// <summary>Stops Redis; <see cref="RestoreAsync"/> starts it again if the test does not.</summary>
    public async Task StopRedisAsync()
    {
        _redisStopped = true;
        await Cluster.StopRedisAsync();
    }

    public async Task StartRedisAsync()
    {
        await Cluster.StartRedisAsync();
        _redisStopped = false;
    }

    /// <summary>Brings back what a test took down and left down (it failed half-way), so the next test has the whole cluster.</summary>
    public async Task RestoreAsync()
    {
        if (_redisStopped)
        {
            await StartRedisAsync(); // first: a node does not start without Redis
        }

        foreach (var node in _killed.ToList())
        {
            await RestartNodeAsync(node);
        }
    }

    /// <summary>A page as the venue's desks, screens and phones open it: plain HTTP on the LAN name, through the balancer.</summary>
    public Uri VenueUrl(string path) => new(new Uri($"http://{Browser.VenueHost}:{Cluster.BalancerUrl.Port}"), path);

    /// <summary>A page on the LAN name but at one node's own port, past the balancer (what a venue must not do).</summary>
    public Uri NodeVenueUrl(int node, string path) => new(new Uri($"http://{Browser.VenueHost}:{Cluster.Node(node).Port}"), path);

    /// <summary>Creates and opens an event with one desk through the balancer; returns the desk's access code.</summary>
    public async Task<string> CreateLiveEventAsync(string eventId)
    {
        using var admin = Cluster.Client(Cluster.AdminKey);
        (await admin.PostAsJsonAsync("/api/events", new
        {
            id = eventId,
            title = "集群演练晚会",
            goalFen = 100_000_000_00L,
            tiersFen = new[] { 5_000_000_00L, 1_000_000_00L },
            milestonesFen = Array.Empty<long>(),
        })).EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-1", name = "一号录入台" });
        var code = (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>The audit once the live total agrees with the ledger (the total follows the desks' reports, which an ack does not wait for).</summary>
    public async Task<JsonElement> SettledAuditAsync(string eventId, TimeSpan? within = null)
    {
        using var admin = Cluster.Client(Cluster.AdminKey);
        return await Eventually.ReadAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit"),
            audit => audit.GetProperty("agrees").GetBoolean(),
            $"the audit of {eventId} to agree",
            within);
    }

    /// <summary>
    /// How many hub connections of an audience (<c>screens</c>, <c>viewers</c>) have joined an event on each
    /// node now, from the node's own <c>/metrics</c>; 0 for a node that does not answer.
    /// </summary>
    public async Task<int[]> ConnectionsByNodeAsync(string audience = "screens")
    {
        return await Task.WhenAll(Cluster.Nodes.Select(async node =>
        {
            using var client = Cluster.NodeClient(node.Number);
            client.Timeout = TimeSpan.FromSeconds(2);
            try
            {
                return Connections(await client.GetStringAsync("/metrics"), audience);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return 0;
            }
        }));
    }

    /// <summary>The node (numbered from 1) that holds the one big screen's hub connection, once exactly one does.</summary>
    public async Task<int> ScreenNodeAsync(string because, TimeSpan? within = null)
    {
        var screens = await Eventually.ReadAsync(
            async () => new ByNode(await ConnectionsByNodeAsync()), read => read.Counts.Sum() == 1, because + " (screens by node)", within);
        return Array.IndexOf(screens.Counts, 1) + 1;
    }

    /// <summary>Where the grains are, as <c>GET /api/cluster</c> says: each node's silo, status, and desk and total grains.</summary>
    public async Task<string> GrainPlacementAsync()
    {
        using var admin = Cluster.Client(Cluster.AdminKey);
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/cluster");
        return string.Join("; ", view.GetProperty("nodes").EnumerateArray().Select(node =>
            $"{node.GetProperty("silo").GetString()} {node.GetProperty("status").GetString()} desks={node.GetProperty("deskGrains")} totals={node.GetProperty("totalGrains")}"));
    }

    /// <summary>What a big screen shows when it shows every digit (<c>?digits=full</c>): <c>¥12,345,678.00</c>.</summary>
    public static string FullDigits(long fen) =>
        string.Create(CultureInfo.InvariantCulture, $"¥{fen / 100:N0}.{fen % 100:00}");

    public async Task DisposeAsync()
    {
        try
        {
            await Browser.DisposeAsync();
        }
        finally
        {
            if (Cluster is not null)
            {
                await Cluster.DisposeAsync();
            }

            Directory.Delete(_work, recursive: true);
        }
    }

    /// <summary>A count per node that reads <c>[0, 1, 0]</c> in a failure message.</summary>
    private sealed record ByNode(int[] Counts)
    {
        public override string ToString() => $"[{string.Join(", ", Counts)}]";
    }

    /// <summary>The sum of the <c>charityday_live_connections</c> samples of one audience in a Prometheus scrape.</summary>
    private static int Connections(string scrape, string audience) => scrape.Split('\n')
        .Where(line => line.StartsWith("charityday_live_connections{", StringComparison.Ordinal) && line.Contains($"audience=\"{audience}\"", StringComparison.Ordinal))
        .Sum(line => (int)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
