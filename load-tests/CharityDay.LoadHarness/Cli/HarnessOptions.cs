using CharityDay.LoadHarness.Chaos;
using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Scenarios;

namespace CharityDay.LoadHarness.Cli;

/// <summary>Everything the command line can set; <see cref="Usage"/> lists it with the defaults.</summary>
internal sealed class HarnessOptions
{
    public string? Url { get; set; }

    public string? AdminKey { get; set; }

    public string? ServerDll { get; set; }

    public string? Postgres { get; set; }

    public List<string> ServerArguments { get; } = [];

    /// <summary>The local cluster's folder (<c>--cluster</c>): its balancer and admin key are the defaults, its nodes the hub URLs.</summary>
    public string? ClusterDirectory { get; set; }

    /// <summary>Where the live connections go, round-robin (<c>--hub-urls</c>); empty: every node, or the one server.</summary>
    public List<Uri> HubUrls { get; } = [];

    /// <summary>The parsed <c>--chaos</c> plan; empty for none.</summary>
    public IReadOnlyList<ChaosFault> Chaos { get; set; } = [];

    /// <summary>How long a send answered 5xx or not at all is retried with the same id during the run.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromSeconds(30);

    public List<string> Scenarios { get; set; } = ["stage", "online", "viewers"];

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);

    public int Desks { get; set; } = 8;

    public int Operators { get; set; } = 32;

    public TimeSpan ThinkMin { get; set; } = TimeSpan.Zero;

    public TimeSpan ThinkMax { get; set; } = TimeSpan.Zero;

    public string? StageLoad { get; set; }

    public double OnlineRate { get; set; } = 200;

    public string? OnlineLoad { get; set; }

    public int Viewers { get; set; } = 100;

    public string? ViewersLoad { get; set; }

    /// <summary>Big screens (<c>Watch</c>) connected alongside the phones wherever phones run.</summary>
    public int Screens { get; set; } = 2;

    /// <summary>The client phones are simulated with (<c>--phone-client</c>); unset means light, or mixed in a smoke run.</summary>
    public PhoneClient? Phones { get; set; }

    public TimeSpan? NightDuration { get; set; }

    public double NightStageRate { get; set; } = 400;

    public double NightOnlineRate { get; set; } = 300;

    public int NightViewers { get; set; } = 200;

    public double Duplicates { get; set; } = 0.05;

    public double ConcurrentDuplicates { get; set; } = 0.01;

    public bool WithBaselines { get; set; }

    public double? MaxP99Ms { get; set; }

    public double? MinRps { get; set; }

    public double? MaxFailPercent { get; set; }

    public double? MaxScreenP99Ms { get; set; }

    public double? MaxPhoneP99Ms { get; set; }

    public double? MaxRecoverySeconds { get; set; }

    public double? MaxScreenLagMs { get; set; }

    public bool Smoke { get; set; }

    public string? ReportsDirectory { get; set; }

    public int Seed { get; set; } = 20161129;

    public int Connections { get; set; } = 512;

    public int MaxInFlight { get; set; } = 20_000;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Counters { get; set; }

    public string? Label { get; set; }

    public bool Help { get; set; }

    public IReadOnlyList<string> CommandLine { get; set; } = [];

    /// <summary>The CI preset: every scenario at low rate, the baselines, and zero tolerance for failures.</summary>
    public void ApplySmoke()
    {
        Scenarios = ["stage", "online", "viewers", "night"];
        Duration = TimeSpan.FromSeconds(3);
        Warmup = TimeSpan.FromSeconds(1);
        NightDuration = TimeSpan.FromSeconds(4);
        Desks = 3;
        Operators = 3;
        ThinkMin = TimeSpan.FromMilliseconds(20);
        ThinkMax = TimeSpan.FromMilliseconds(60);
        OnlineRate = 40;
        Viewers = 10;
        NightStageRate = 40;
        NightOnlineRate = 30;
        NightViewers = 10;
        Duplicates = 0.1;
        ConcurrentDuplicates = 0.05;
        WithBaselines = true;
        MaxFailPercent ??= 0;
        Phones ??= PhoneClient.Mixed;
        Label ??= "smoke";
    }

    public void Validate()
    {
        string[] known = ["stage", "online", "viewers", "night"];
        if (Scenarios.Count == 0 || Scenarios.Any(s => !known.Contains(s)))
        {
            throw new ArgumentException($"--scenarios takes a comma list of {string.Join(", ", known)}.");
        }

        if (Url is not null && AdminKey is null)
        {
            throw new ArgumentException("--url needs --admin-key (the server's CharityDay:AdminKey).");
        }

        if (Url is not null && Postgres is not null)
        {
            throw new ArgumentException("--postgres starts a server; with --url or --cluster the server's own storage is used.");
        }

        if (Chaos.Count > 0 && (ClusterDirectory is null || WithBaselines))
        {
            throw new ArgumentException(ClusterDirectory is null
                ? "--chaos needs --cluster DIR: the faults are carried out on that local cluster."
                : "--chaos runs in the real phase only: leave out --with-baselines (the cluster's nodes serve no baselines anyway).");
        }

        if (Screens < 0 || Viewers < 0 || NightViewers < 0)
        {
            throw new ArgumentException("--screens, --viewers and --night-viewers count connections: 0 or more.");
        }

        if (Desks is < 1 or > 20)
        {
            throw new ArgumentException("--desks must be 1–20 (desk sign-in is rate limited to 20 a minute).");
        }

        if (Duplicates is < 0 or > 1 || ConcurrentDuplicates is < 0 or > 1 || ThinkMax < ThinkMin)
        {
            throw new ArgumentException("--duplicates and --concurrent-duplicates are fractions in 0–1; --think is MIN[-MAX].");
        }
    }

    /// <summary>A scenario's load simulation: the option's text if given, else the scenario's default.</summary>
    public LoadSimulation Simulation(string? text, string fallback) => LoadSimulation.Parse(text ?? fallback, Warmup);
}
