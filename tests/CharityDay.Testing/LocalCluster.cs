using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace CharityDay.Testing;

/// <summary>
/// A whole cluster on this machine, driven through <c>deploy/local-cluster.sh</c>: a private PostgreSQL
/// and Redis, N nodes of one published build and HAProxy in front, all on loopback. Fault tests kill
/// and restart nodes and take the shared services away; disposing runs <c>down</c>, which stops every
/// process the script started and removes the cluster's folder.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly LocalClusterOptions _options;
    private bool _down;

    private LocalCluster(string directory, LocalClusterOptions options)
    {
        Directory = directory;
        _options = options;
    }

    public static string Script => Path.Combine(ServerBuild.RepositoryRoot(), "deploy", "local-cluster.sh");

    /// <summary>The cluster's folder: state file, logs, data, and the build when the script published it.</summary>
    public string Directory { get; }

    /// <summary>The state file as the last command left it (PIDs change when a process is started again).</summary>
    public LocalClusterState State { get; private set; } = null!;

    public Uri BalancerUrl => State.BalancerUrl;

    public IReadOnlyList<LocalClusterNode> Nodes => State.Nodes;

    public IReadOnlyList<Uri> NodeUrls => [.. Nodes.Select(node => node.Url)];

    public string AdminKey => State.AdminKey;

    /// <summary>The demo event's desks (the nodes seed event <c>demo</c>): desk id → access code.</summary>
    public IReadOnlyDictionary<string, string> DemoDeskCodes => State.DemoDeskCodes;

    /// <summary>Everything the script printed, command after command.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs <c>up</c> and waits until the balancer answers; a cluster that does not come up is taken down by the script.</summary>
    public static async Task<LocalCluster> UpAsync(LocalClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalClusterOptions();
        var directory = options.Directory ?? Path.Combine(Path.GetTempPath(), "charityday-cluster-" + Guid.NewGuid().ToString("N")[..10]);
        var cluster = new LocalCluster(directory, options);
        List<string> arguments = ["up", "--nodes", options.Nodes.ToString(CultureInfo.InvariantCulture)];
        if (options.Build is { } build)
        {
            arguments.AddRange(["--build", build]);
        }

        if (options.Ports is { } ports)
        {
            arguments.AddRange(["--ports", ports]);
        }

        await cluster.RunAsync([.. arguments], cancellationToken);
        return cluster;
    }

    /// <summary>A cluster already up in <paramref name="directory"/> (started by hand, say); disposing it takes it down.</summary>
    public static LocalCluster Attach(string directory, LocalClusterOptions? options = null)
    {
        var cluster = new LocalCluster(Path.GetFullPath(directory), options ?? new LocalClusterOptions());
        cluster.ReadState();
        return cluster;
    }

    public LocalClusterNode Node(int number) =>
        number >= 1 && number <= Nodes.Count ? Nodes[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), $"nodes are 1 to {Nodes.Count}");

    public Uri NodeUrl(int number) => Node(number).Url;

    /// <summary>A client of the balancer, with <paramref name="bearer"/> as the Authorization if given.</summary>
    public HttpClient Client(string? bearer = null) => NewClient(BalancerUrl, bearer);

    /// <summary>A client of one node, past the balancer.</summary>
    public HttpClient NodeClient(int number, string? bearer = null) => NewClient(NodeUrl(number), bearer);

    /// <summary>The status code of the node's <c>/health/ready</c>, or null when nothing answers.</summary>
    public async Task<int?> NodeReadinessAsync(int number, CancellationToken cancellationToken = default)
    {
        using var client = NodeClient(number);
        client.Timeout = TimeSpan.FromSeconds(2);
        try
        {
            using var response = await client.GetAsync("/health/ready", cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// How HAProxy sees node <paramref name="number"/> as a normal server: <c>UP</c>, <c>DOWN</c>, or on the
    /// way (<c>UP 1/2</c>: one failed check); with <paramref name="backup"/>, its backup (live-checked) twin.
    /// </summary>
    public async Task<string?> BalancerViewAsync(int number, bool backup = false, CancellationToken cancellationToken = default)
    {
        using var stats = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var csv = await stats.GetStringAsync(new Uri(State.BalancerStatsUrl, ";csv"), cancellationToken);
        var server = $"node{Node(number).Number}{(backup ? "-live" : "")}";
        return csv.Split('\n').Select(line => line.Split(',')).FirstOrDefault(f => f.Length > 17 && f[0] == "nodes" && f[1] == server)?[17];
    }

    /// <summary><c>status</c>: each process's PID, whether it runs, its port, each node's readiness and HAProxy's view.</summary>
    public Task<string> StatusAsync(CancellationToken cancellationToken = default) => RunAsync(["status"], cancellationToken);

    /// <summary>SIGKILL to node <paramref name="number"/>; returns once the process is gone.</summary>
    public Task KillNodeAsync(int number, CancellationToken cancellationToken = default) =>
        RunAsync(["kill-node", Node(number).Number.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>
    /// SIGTERM to node <paramref name="number"/> (unless it is down already), waits for it to exit, starts it
    /// again on the same ports and waits until it is ready (with <paramref name="waitUntilReady"/> false: live).
    /// </summary>
    public Task RestartNodeAsync(int number, bool waitUntilReady = true, CancellationToken cancellationToken = default) =>
        RunAsync(["restart-node", Node(number).Number.ToString(CultureInfo.InvariantCulture), .. waitUntilReady ? Array.Empty<string>() : ["--no-wait"]], cancellationToken);

    /// <summary>Stops Redis (SIGTERM; nothing is persisted).</summary>
    public Task StopRedisAsync(CancellationToken cancellationToken = default) => RunAsync(["stop-redis"], cancellationToken);

    /// <summary>Starts Redis again on the same port, with the data it had (the membership).</summary>
    public Task StartRedisAsync(CancellationToken cancellationToken = default) => RunAsync(["start-redis"], cancellationToken);

    /// <summary>A fast restart of PostgreSQL on the same port: every open connection is cut.</summary>
    public Task RestartPostgresAsync(CancellationToken cancellationToken = default) => RunAsync(["restart-postgres"], cancellationToken);

    /// <summary>Stops every process of the cluster and removes its folder; once.</summary>
    public async Task DownAsync(CancellationToken cancellationToken = default)
    {
        if (_down)
        {
            return;
        }

        await RunAsync(["down"], cancellationToken);
        _down = true;
    }

    public async ValueTask DisposeAsync() => await DownAsync();

    private static HttpClient NewClient(Uri baseAddress, string? bearer)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Runs the script with <c>--dir</c>; returns what this command printed, or throws with it when the script fails.</summary>
    private async Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Script, .. arguments, "--dir", Directory])
        {
            start.ArgumentList.Add(argument);
        }

        var printed = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            // The key is in the state file; test logs and failure messages need not carry it.
            if (line.StartsWith("admin key:", StringComparison.Ordinal))
            {
                line = "admin key:  (in cluster.env)";
            }

            lock (_output)
            {
                printed.AppendLine(line);
                _output.AppendLine(line);
            }

            _options.Progress?.Invoke(line);
        }

        using var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        script.OutputDataReceived += (_, e) => Append(e.Data);
        script.ErrorDataReceived += (_, e) => Append(e.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CommandTimeout);
        try
        {
            await script.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM lets the script's own clean-up run (up takes down what it started).
            using (var kill = Process.Start("kill", ["-TERM", script.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(CancellationToken.None);
            }

            await script.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"local-cluster.sh {arguments[0]} did not finish within {_options.CommandTimeout}:\n{printed}");
        }

        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {arguments[0]} failed (exit {script.ExitCode}):\n{printed}");
        }

        if (arguments[0] != "down")
        {
            ReadState();
        }

        lock (_output)
        {
            return printed.ToString();
        }
    }

    private void ReadState() => State = LocalClusterState.Read(Path.Combine(Directory, "cluster.env"));
}
