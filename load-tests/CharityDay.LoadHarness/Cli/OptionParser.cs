using System.Globalization;
using CharityDay.LoadHarness.Chaos;
using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Scenarios;
using CharityDay.LoadHarness.Target;
using CharityDay.Testing;

namespace CharityDay.LoadHarness.Cli;

/// <summary>Reads <c>--name value</c> pairs (and bare flags) into <see cref="HarnessOptions"/>.</summary>
internal static class OptionParser
{
    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions { CommandLine = args };
        string? chaos = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            double Number() => double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
            int Whole() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (name)
            {
                case "--url": options.Url = Loopback.RequireLoopback(Value()).ToString(); break;
                case "--admin-key": options.AdminKey = Value(); break;
                case "--server-dll": options.ServerDll = Value(); break;
                case "--postgres": options.Postgres = Loopback.RequireLoopbackPostgres(Value()); break;
                case "--server-arg": options.ServerArguments.Add(Value()); break;
                case "--cluster": options.ClusterDirectory = Value(); break;
                case "--hub-urls": options.HubUrls.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Loopback.RequireLoopback)); break;
                case "--chaos": chaos = Value(); break;
                case "--retry-for": options.RetryFor = Durations.Parse(Value()); break;
                case "--scenarios": options.Scenarios = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--duration": options.Duration = Durations.Parse(Value()); break;
                case "--warmup": options.Warmup = Durations.Parse(Value()); break;
                case "--desks": options.Desks = Whole(); break;
                case "--operators": options.Operators = Whole(); break;
                case "--think": (options.ThinkMin, options.ThinkMax) = Range(Value()); break;
                case "--stage-load": options.StageLoad = Value(); break;
                case "--online-rate": options.OnlineRate = Number(); break;
                case "--online-load": options.OnlineLoad = Value(); break;
                case "--viewers": options.Viewers = Whole(); break;
                case "--viewers-load": options.ViewersLoad = Value(); break;
                case "--screens": options.Screens = Whole(); break;
                case "--phone-client": options.Phones = Client(Value()); break;
                case "--night-duration": options.NightDuration = Durations.Parse(Value()); break;
                case "--night-stage-rate": options.NightStageRate = Number(); break;
                case "--night-online-rate": options.NightOnlineRate = Number(); break;
                case "--night-viewers": options.NightViewers = Whole(); break;
                case "--duplicates": options.Duplicates = Number(); break;
                case "--concurrent-duplicates": options.ConcurrentDuplicates = Number(); break;
                case "--with-baselines": options.WithBaselines = true; break;
                case "--max-p99-ms": options.MaxP99Ms = Number(); break;
                case "--min-rps": options.MinRps = Number(); break;
                case "--max-fail-pct": options.MaxFailPercent = Number(); break;
                case "--max-screen-p99-ms": options.MaxScreenP99Ms = Number(); break;
                case "--max-phone-p99-ms": options.MaxPhoneP99Ms = Number(); break;
                case "--max-recovery-s": options.MaxRecoverySeconds = Number(); break;
                case "--max-screen-lag-ms": options.MaxScreenLagMs = Number(); break;
                case "--smoke": options.Smoke = true; break;
                case "--reports": options.ReportsDirectory = Value(); break;
                case "--seed": options.Seed = Whole(); break;
                case "--connections": options.Connections = Whole(); break;
                case "--max-in-flight": options.MaxInFlight = Whole(); break;
                case "--request-timeout": options.RequestTimeout = Durations.Parse(Value()); break;
                case "--counters": options.Counters = true; break;
                case "--label": options.Label = Value(); break;
                case "--help" or "-h": options.Help = true; break;
                default: throw new ArgumentException($"Unknown option {name}; see --help.");
            }
        }

        if (options.Smoke)
        {
            options.ApplySmoke();
        }

        if (options.ClusterDirectory is not null)
        {
            var cluster = ReadCluster(options.ClusterDirectory);
            options.ClusterDirectory = Path.GetFullPath(options.ClusterDirectory);
            options.Url ??= Loopback.RequireLoopback(cluster.BalancerUrl.ToString()).ToString();
            options.AdminKey ??= cluster.AdminKey;
            if (chaos is not null)
            {
                options.Chaos = ChaosPlan.Parse(chaos, cluster.Nodes.Count);
            }
        }
        else if (chaos is not null)
        {
            throw new ArgumentException("--chaos needs --cluster DIR: the faults are carried out on that local cluster.");
        }

        options.Validate();
        return options;
    }

    /// <summary>The state file <c>deploy/local-cluster.sh up --dir DIR</c> wrote.</summary>
    private static LocalClusterState ReadCluster(string directory)
    {
        var path = Path.Combine(directory, "cluster.env");
        try
        {
            var state = LocalClusterState.Read(path);
            // Every fact the harness needs, read now: a half-written state file fails here, not mid-run.
            _ = (state.BalancerUrl, state.AdminKey, state.Nodes);
            return state;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or KeyNotFoundException or UriFormatException)
        {
            throw new ArgumentException($"--cluster {directory}: no cluster there ({error.Message}); start one with deploy/local-cluster.sh up --dir {directory}");
        }
    }

    private static PhoneClient Client(string text) => text switch
    {
        "light" => PhoneClient.Light,
        "signalr" => PhoneClient.SignalR,
        "mixed" => PhoneClient.Mixed,
        _ => throw new ArgumentException("--phone-client takes light, signalr or mixed."),
    };

    private static (TimeSpan Min, TimeSpan Max) Range(string text)
    {
        var parts = text.Split('-', 2);
        var min = Durations.Parse(parts[0]);
        return (min, parts.Length == 2 ? Durations.Parse(parts[1]) : min);
    }
}
