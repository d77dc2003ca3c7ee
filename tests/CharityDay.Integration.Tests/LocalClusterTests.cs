using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The local cluster of <c>deploy/</c> as fault tests and rehearsals use it: nodes of one published
/// build form one cluster behind HAProxy, a node killed with SIGKILL comes back on its own ports, and
/// <c>down</c> leaves no process and no folder behind.
/// </summary>
public sealed class LocalClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("charityday-cluster-test-").FullName;

    [Fact]
    public async Task Two_nodes_behind_the_balancer_share_one_total_and_down_leaves_nothing_behind()
    {
        // The cluster's folder sits in a private (mode 700) one: the script must still get PostgreSQL going.
        var build = Path.GetDirectoryName(await ServerBuild.PublishAsync(Path.Combine(_work, "build")))!;
        var cluster = await LocalCluster.UpAsync(new LocalClusterOptions
        {
            Nodes = 2,
            Build = build,
            Directory = Path.Combine(_work, "cluster"),
            Progress = output.WriteLine,
        });
        int?[] processes;
        try
        {
            var state = cluster.State;
            processes = [state.PostgresProcessId, state.RedisProcessId, state.BalancerProcessId, .. cluster.Nodes.Select(n => n.ProcessId)];
            Assert.All(processes, pid => Assert.True(Runs(pid), $"process {pid} of the cluster is not running"));
            Assert.All([cluster.BalancerUrl, .. cluster.NodeUrls], url => Assert.Equal("127.0.0.1", url.Host));

            // A pledge through the balancer counts in the one total that every node serves.
            var token = await SignInAsync(cluster, "desk-1");
            using (var desk = cluster.Client(token))
            {
                var pledge = new { pledgeId = Guid.NewGuid().ToString("N"), deskId = "desk-1", amountFen = 500_000_00L, donorName = "集群演练企业", donorKind = "enterprise", anonymous = false };
                using var created = await desk.PostAsJsonAsync("/api/events/demo/pledges", pledge);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            foreach (var node in cluster.Nodes)
            {
                using var client = cluster.NodeClient(node.Number);
                Assert.Equal(500_000_00L, await TotalAsync(client));
            }

            // The balancer takes a dead node out within about 2 s (a check a second, two misses) and puts
            // it back once it is ready again.
            var killed = cluster.Node(1);
            await cluster.KillNodeAsync(1);
            Assert.False(Runs(killed.ProcessId), "node 1 still runs after kill-node");
            await BalancerSeesAsync(cluster, 1, "DOWN", within: TimeSpan.FromSeconds(5));
            await cluster.RestartNodeAsync(1);
            await BalancerSeesAsync(cluster, 1, "UP", within: TimeSpan.FromSeconds(5));
            Assert.Equal(killed.Port, cluster.Node(1).Port);
            Assert.NotEqual(killed.ProcessId, cluster.Node(1).ProcessId);
            Assert.Equal(200, await cluster.NodeReadinessAsync(1));
            Assert.Contains("node 1", await cluster.StatusAsync(), StringComparison.Ordinal);
            processes = [.. processes, cluster.Node(1).ProcessId];
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        Assert.False(Directory.Exists(cluster.Directory), "down left the cluster's folder");
        Assert.All(processes, pid => Assert.False(Runs(pid), $"process {pid} of the cluster still runs after down"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static async Task<string> SignInAsync(LocalCluster cluster, string deskId)
    {
        using var anonymous = cluster.Client();
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/desk", new { eventId = "demo", deskId, accessCode = cluster.DemoDeskCodes[deskId] });
        signIn.EnsureSuccessStatusCode();
        return (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>The running total as one node serves it, once it has caught up with the desks' reports.</summary>
    private static async Task<long> TotalAsync(HttpClient node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        long total;
        do
        {
            total = (await node.GetFromJsonAsync<JsonElement>("/api/events/demo/total")).GetProperty("totalFen").GetInt64();
            if (total != 0)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return total;
    }

    private static async Task BalancerSeesAsync(LocalCluster cluster, int node, string state, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        string? seen;
        while ((seen = await cluster.BalancerViewAsync(node)) != state && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(seen == state, $"HAProxy has node {node} {seen} after {within.TotalSeconds} s, not {state}");
    }

    /// <summary>Whether the process runs (a zombie left by a kill has an empty command line).</summary>
    private static bool Runs(int? pid)
    {
        try
        {
            return pid is { } id && File.ReadAllText($"/proc/{id}/cmdline").Length > 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
