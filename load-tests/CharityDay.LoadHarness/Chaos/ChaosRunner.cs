using System.Globalization;
using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// Carries out a <c>--chaos</c> plan during the real phase: each fault at its time from the start of the
/// measured run, logged to the console at its start and end. At the end of the load it lets running
/// faults finish (a pending Redis start happens at once), then restarts every node it killed that the plan
/// did not restart, so the correctness check runs against a whole cluster.
/// </summary>
internal sealed class ChaosRunner(ClusterControl cluster, IReadOnlyList<ChaosFault> plan, RunClock clock, double warmupSeconds) : IDisposable
{
    private static readonly TimeSpan BackInBalancer = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _loadOver = new();
    private readonly HashSet<int> _killed = [];
    private readonly List<Task> _running = [];

    public IReadOnlyList<FaultRecord> Records { get; } = [.. plan.Select(f => new FaultRecord(f))];

    public void Start()
    {
        foreach (var record in Records)
        {
            _running.Add(Task.Run(() => RunAsync(record)));
        }
    }

    public void Dispose() => _loadOver.Dispose();

    /// <summary>
    /// The load is over: finish the faults, restore what they left broken, and say whether every node is
    /// ready, and which restarts at the end failed (a node that fails to start gets a second try).
    /// </summary>
    public async Task<(bool Whole, string Detail, IReadOnlyList<int> Restored, IReadOnlyList<string> StartFailures)> FinishAsync()
    {
        await _loadOver.CancelAsync();
        await Task.WhenAll(_running);
        int[] killed;
        lock (_killed)
        {
            killed = [.. _killed.Order()];
        }

        var restartFailures = new List<string>();
        foreach (var node in killed)
        {
            Log($"restoring: node {node} was killed and not restarted by the plan; restarting it");
            // A second try: a node that fails to start once is what an operator would start again.
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    await cluster.RestartNodeAsync(node);
                    break;
                }
                catch (Exception error) when (IsClusterFailure(error))
                {
                    Log($"restoring node {node} failed (attempt {attempt} of 2): {error.Message.Split('\n')[0]}");
                    restartFailures.Add($"node {node} failed to start on attempt {attempt} (see its node.log)");
                }
            }
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var unready = await UnreadyAsync();
        while (unready.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            unready = await UnreadyAsync();
        }

        var restored = killed.Length == 0 ? "no node left killed" : $"restarted node(s) {string.Join(", ", killed)} at the end";
        return unready.Count == 0
            ? (true, $"all {cluster.Nodes.Count} nodes ready; {restored}", killed, restartFailures)
            : (false, $"node(s) {string.Join(", ", unready)} not ready 30 s after the end; {restored}", killed, restartFailures);
    }

    private async Task<List<int>> UnreadyAsync()
    {
        var unready = new List<int>();
        foreach (var node in cluster.Nodes)
        {
            if (!await cluster.IsReadyAsync(node.Number))
            {
                unready.Add(node.Number);
            }
        }

        return unready;
    }

    private async Task RunAsync(FaultRecord record)
    {
        var fault = record.Fault;
        try
        {
            var due = warmupSeconds + fault.At.TotalSeconds - clock.Seconds;
            if (due > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(due), _loadOver.Token);
            }
        }
        catch (OperationCanceledException)
        {
            record.Error = "not carried out: the load ended first";
            Log($"{fault}: {record.Error}");
            return;
        }

        try
        {
            await CarryOutAsync(record);
        }
        catch (OperationCanceledException) when (record.StartedAt is null)
        {
            record.Error = "not carried out: the load ended while it waited for the cluster's previous command";
        }
        catch (Exception error) when (IsClusterFailure(error))
        {
            record.Error = error.Message.Split('\n')[0];
        }

        record.EndedAt = clock.Seconds;
        var took = (record.EndedAt - (record.StartedAt ?? record.EndedAt)).Value.ToString("F1", CultureInfo.InvariantCulture);
        Log($"{fault}: {(record.Error is null ? "done" : "FAILED: " + record.Error)} ({took} s{(record.Nodes.Count > 0 ? "; node " + string.Join(", ", record.Nodes) : "")})");
    }

    private async Task CarryOutAsync(FaultRecord record)
    {
        var fault = record.Fault;
        switch (fault.Kind)
        {
            case ChaosFaultKind.KillNode:
                await StepAsync(record, async () =>
                {
                    // Chosen once the script is free, so "busiest" means at the moment of the kill.
                    var node = fault.Node ?? await BusiestAsync(record);
                    record.Nodes.Add(node);
                    lock (_killed)
                    {
                        _killed.Add(node);
                    }

                    await cluster.KillNodeAsync(node);
                });
                break;
            case ChaosFaultKind.RestartNode:
                record.Nodes.Add(fault.Node!.Value);
                await StepAsync(record, () => RestartAsync(fault.Node.Value));
                break;
            case ChaosFaultKind.RollingRestart:
                foreach (var each in cluster.Nodes.Select(n => n.Number))
                {
                    record.Nodes.Add(each);
                    await StepAsync(record, () => RestartAsync(each));
                    // The way an operator rolls: the next node goes only once the balancer sends traffic to this one.
                    if (!await cluster.WaitInBalancerAsync(each, BackInBalancer, CancellationToken.None))
                    {
                        Log($"{fault}: node {each} not back in the balancer after {BackInBalancer.TotalSeconds:0} s; going on");
                    }
                }

                break;
            case ChaosFaultKind.RestartPostgres:
                await StepAsync(record, cluster.RestartPostgresAsync);
                break;
            case ChaosFaultKind.StopRedis:
                await StepAsync(record, cluster.StopRedisAsync);
                try
                {
                    await Task.Delay(fault.For!.Value, _loadOver.Token);
                }
                catch (OperationCanceledException)
                {
                    Log($"{fault}: the load ended first; starting Redis again now");
                }

                await StepAsync(record, cluster.StartRedisAsync);
                break;
        }
    }

    /// <summary>
    /// One step of a fault, alone on the cluster; the fault's start is its first step's. A fault that got
    /// the cluster only after the load ended does not begin: it would measure nothing.
    /// </summary>
    private Task StepAsync(FaultRecord record, Func<Task> step) =>
        cluster.ExclusiveAsync(
            () =>
            {
                if (record.StartedAt is null)
                {
                    _loadOver.Token.ThrowIfCancellationRequested();
                    record.StartedAt = clock.Seconds;
                    Log($"{record.Fault}: start");
                }

                return step();
            },
            () => Log($"{record.Fault}: waits for the cluster's previous command to finish"));

    private async Task<int> BusiestAsync(FaultRecord record)
    {
        var (node, layout) = await cluster.BusiestNodeAsync(CancellationToken.None);
        record.Note = layout;
        Log($"{record.Fault}: busiest is node {node} ({layout})");
        return node;
    }

    private async Task RestartAsync(int node)
    {
        await cluster.RestartNodeAsync(node);
        lock (_killed)
        {
            _killed.Remove(node);
        }
    }

    private static bool IsClusterFailure(Exception error) =>
        error is InvalidOperationException or TimeoutException or HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException;

    private void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [chaos] t={clock.Seconds - warmupSeconds:F1}s {message}"));
}
