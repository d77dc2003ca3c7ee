using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CharityDay.LoadHarness.Chaos;
using CharityDay.LoadHarness.Check;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Report;
using CharityDay.LoadHarness.Scenarios;
using CharityDay.LoadHarness.Target;
using CharityDay.Testing;

namespace CharityDay.LoadHarness.Run;

/// <summary>
/// One run: the server (started or given), the event, the real phase and (with baselines) the same
/// load against the ceiling and the naive peer, the verdicts, the reports. Returns the exit code.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(HarnessOptions options, IReadOnlyList<ScenarioPlan> plans)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        var folder = RepositoryPaths.NewReportFolder(options.ReportsDirectory, startedAt);
        Console.WriteLine($"Charity Day load run {(options.Label is null ? "" : $"'{options.Label}' ")}→ {folder}");
        foreach (var plan in plans)
        {
            Console.WriteLine($"  {plan.Name}: {plan.Simulation}");
        }

        ServerProcess? started = null;
        CountersRecorder? counters = null;
        await using var payments = options.ClusterDirectory is not null ? await HarnessPayments.ForClusterAsync(options.ClusterDirectory)
            : options.Url is null && options.Postgres is not null ? await HarnessPayments.ForStartedServerAsync()
            : HarnessPayments.DemoCashier();
        try
        {
            if (options.Url is null)
            {
                Console.WriteLine($"  starting the server ({(options.Postgres is null ? "SQLite" : "PostgreSQL")}) …");
                started = await StartServerAsync(options, Path.Combine(folder, "server.log"), payments);
                if (options.Counters)
                {
                    counters = CountersRecorder.Start(started.ProcessId, folder);
                }
            }

            var server = started is null
                ? new ServerEndpoint(new Uri(options.Url!), options.AdminKey!, options.ClusterDirectory is null ? "external" : "local cluster", null)
                : new ServerEndpoint(started.BaseAddress, started.AdminKey, options.Postgres is null ? "sqlite" : "postgres", started.ProcessId);
            Console.WriteLine($"  server {server.BaseAddress} ({server.StorageMode})");
            var phases = await RunPhasesAsync(options, server, plans, payments);
            var countersSummary = counters is null ? null : await StopCountersAsync(counters);
            var checks = phases.SelectMany(p => p.Checks).Concat(Thresholds.Evaluate(options, phases[0])).ToList();
            var run = new RunResult(options, server, started is not null, plans, phases, checks, startedAt, wall.Elapsed, MachineFacts.Describe(), countersSummary);
            ReportWriter.Write(run, folder);
            Console.WriteLine(ReportWriter.ConsoleSummary(run));
            Console.WriteLine($"Report: {Path.Combine(folder, "report.html")}");
            Console.WriteLine($"checks: {run.Passed} passed, {run.Failed} failed");
            return run.Failed == 0 ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TimeoutException or FileNotFoundException)
        {
            Console.Error.WriteLine($"The run could not go on: {error.Message}");
            // A program reading summary.json learns why rather than finding nothing.
            File.WriteAllText(Path.Combine(folder, "summary.json"), SummaryJson.WriteAborted(options, startedAt, error.Message));
            Console.WriteLine("checks: 0 passed, 1 failed");
            return 1;
        }
        finally
        {
            // The server goes down whatever else failed: the harness never leaves it running.
            try
            {
                if (counters is not null)
                {
                    await counters.DisposeAsync();
                }
            }
            finally
            {
                if (started is not null)
                {
                    await started.DisposeAsync();
                }
            }
        }
    }

    /// <summary>
    /// The server the harness starts itself: the Release build on loopback, a throw-away data folder and
    /// admin key, quiet logs; stopped with SIGTERM (SIGKILL after 15 s) and its folder removed when disposed.
    /// </summary>
    private static Task<ServerProcess> StartServerAsync(HarnessOptions options, string logPath, HarnessPayments payments)
    {
        var serverDll = options.ServerDll ?? RepositoryPaths.ServerDll();
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException(
                "Build the server first: dotnet build src/CharityDay.Server -c Release -p:SkipStageDisplay=true", serverDll);
        }

        var dataDirectory = Directory.CreateTempSubdirectory("charityday-load.").FullName;
        return ServerProcess.StartAsync(new ServerProcessOptions
        {
            Assembly = serverDll,
            DataDirectory = dataDirectory,
            DeleteDataDirectoryOnDispose = true,
            AdminKey = "load-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Postgres = options.Postgres,
            Port = payments.ServerPort,
            Environment = new Dictionary<string, string>(payments.ServerSettings)
            {
                ["Logging__LogLevel__Default"] = "Warning",
                ["CharityDay__Baselines__Enabled"] = options.WithBaselines ? "true" : "false",
            },
            Arguments = options.ServerArguments,
            LogPath = logPath,
            GraceOnDispose = TimeSpan.FromSeconds(15),
        });
    }

    private static async Task<List<PhaseResult>> RunPhasesAsync(
        HarnessOptions options, ServerEndpoint server, IReadOnlyList<ScenarioPlan> plans, HarnessPayments payments)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false, // the demo cashier's redirect back to the phone page is the payment's answer
        };
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = server.BaseAddress, Timeout = options.RequestTimeout };
        using var admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminKey);
        var loadEvent = await LoadEvent.CreateAsync(admin, options.Desks);
        Console.WriteLine($"  event {loadEvent.EventId} with {loadEvent.DeskIds.Count} desks is live");
        using var cluster = options.ClusterDirectory is null ? null : ClusterControl.Attach(options.ClusterDirectory, admin);
        var hubs = HubTargets.Resolve(options, server.BaseAddress, cluster?.State);
        Console.WriteLine($"  live connections round-robin over {string.Join(", ", hubs.Select(h => $"{h.Name} ({h.BaseUrl})"))}");
        if (options.Chaos.Count > 0)
        {
            Console.WriteLine($"  chaos plan (from the start of the measured run): {string.Join(", ", options.Chaos)}");
        }

        var targets = new List<PhaseTarget> { PhaseTarget.Real };
        if (options.WithBaselines)
        {
            using var probe = await admin.GetAsync($"/api/baselines/naive/events/{loadEvent.EventId}/total");
            if (!probe.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"The baselines answer {(int)probe.StatusCode}: start the server with --CharityDay:Baselines:Enabled=true.");
            }

            targets.AddRange([PhaseTarget.Ceiling, PhaseTarget.Naive]);
        }

        var runner = new PhaseRunner(options, http, admin, loadEvent, plans, hubs, cluster, payments.PayAtProvider);
        var phases = new List<PhaseResult>();
        foreach (var target in targets)
        {
            if (phases.Count > 0)
            {
                // Let the previous phase's connections and background work settle.
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            Console.WriteLine($"== phase {target.Name} (load average {MachineFacts.LoadAverage()})");
            var phase = await runner.RunAsync(target);
            foreach (var check in phase.Checks)
            {
                Console.WriteLine("  " + check);
            }

            phases.Add(phase);
        }

        return phases;
    }

    private static async Task<string> StopCountersAsync(CountersRecorder counters)
    {
        await counters.DisposeAsync();
        return counters.Summarize();
    }
}
