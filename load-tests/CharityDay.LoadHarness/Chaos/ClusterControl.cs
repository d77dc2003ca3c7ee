using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CharityDay.Testing;

namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// The harness's hands on the local cluster of <c>--cluster DIR</c>: every fault goes through
/// <see cref="LocalCluster"/>, so through <c>deploy/local-cluster.sh</c>, one command at a time (each
/// command rewrites the cluster's state file, so two at once could lose a PID). It never takes the cluster
/// down: the cluster belongs to whoever brought it up.
/// </summary>
internal sealed class ClusterControl(LocalCluster cluster, HttpClient admin) : IDisposable
{
    private readonly SemaphoreSlim _oneCommand = new(1, 1);

    public IReadOnlyList<LocalClusterNode> Nodes => cluster.Nodes;

    /// <summary>The state file as the last command left it.</summary>
    public LocalClusterState State => cluster.State;

    public static ClusterControl Attach(string directory, HttpClient admin) =>
        new(LocalCluster.Attach(directory, new LocalClusterOptions { Progress = line => Console.WriteLine("    | " + line) }), admin);

    /// <summary>Lets go of the cluster; it stays up (disposing the <see cref="LocalCluster"/> would take it down).</summary>
    public void Dispose() => _oneCommand.Dispose();

    public Task KillNodeAsync(int node) => cluster.KillNodeAsync(node);

    public Task RestartNodeAsync(int node) => cluster.RestartNodeAsync(node);

    public Task StopRedisAsync() => cluster.StopRedisAsync();

    public Task StartRedisAsync() => cluster.StartRedisAsync();

    public Task RestartPostgresAsync() => cluster.RestartPostgresAsync();

    /// <summary>
    /// Runs <paramref name="step"/> (one or more of the commands above) while no other step runs; when one is
    /// running, <paramref name="waiting"/> is told first. The script's commands must not overlap.
    /// </summary>
    public async Task ExclusiveAsync(Func<Task> step, Action waiting)
    {
        if (!await _oneCommand.WaitAsync(0))
        {
            waiting();
            await _oneCommand.WaitAsync();
        }

        try
        {
            await step();
        }
        finally
        {
            _oneCommand.Release();
        }
    }

    /// <summary>
    /// The node hosting the most desk grains right now, per <c>GET /api/cluster</c> (ties: the one with the
    /// event's total, then the lowest number), with a note of what it hosts.
    /// </summary>
    public async Task<(int Node, string Note)> BusiestNodeAsync(CancellationToken cancellationToken)
    {
        var view = await admin.GetFromJsonAsync<JsonElement>("/api/cluster", cancellationToken);
        var hosting = view.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("status").GetString() == "active")
            .Select(n => (Node: NodeOfSilo(n.GetProperty("silo").GetString()), Desks: n.GetProperty("deskGrains").GetInt32(), Totals: n.GetProperty("totalGrains").GetInt32()))
            .Where(n => n.Node is not null)
            .OrderByDescending(n => n.Desks).ThenByDescending(n => n.Totals).ThenBy(n => n.Node)
            .ToList();
        if (hosting.Count == 0)
        {
            throw new InvalidOperationException("GET /api/cluster names no active node of this cluster.");
        }

        var layout = string.Join(", ", hosting.Select(n => string.Create(CultureInfo.InvariantCulture, $"node {n.Node}: {n.Desks} desk/{n.Totals} total grains")));
        return (hosting[0].Node!.Value, layout);
    }

    /// <summary>Whether node <paramref name="node"/> answers <c>/health/ready</c> with 200.</summary>
    public async Task<bool> IsReadyAsync(int node) => await cluster.NodeReadinessAsync(node) == 200;

    /// <summary>Until HAProxy passes requests to the node again (UP after two good checks), or the deadline.</summary>
    public async Task<bool> WaitInBalancerAsync(int node, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await cluster.BalancerViewAsync(node, cancellationToken: cancellationToken) == "UP")
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // The statistics page did not answer this once; ask again.
            }

            await Task.Delay(250, cancellationToken);
        }

        return false;
    }

    private int? NodeOfSilo(string? silo)
    {
        var port = silo?[(silo.LastIndexOf(':') + 1)..];
        return cluster.Nodes.FirstOrDefault(n => n.SiloPort.ToString(CultureInfo.InvariantCulture) == port)?.Number;
    }
}
