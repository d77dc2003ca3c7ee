using System.Globalization;
using CharityDay.LoadHarness.Chaos;
using CharityDay.LoadHarness.Check;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Scenarios;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Run;

/// <summary>
/// Runs every scenario of the run together against one target, with the chaos plan in the real phase,
/// then (once the cluster is whole again) the correctness check. The same plans and seed make the
/// baselines' phases the identical load.
/// </summary>
internal sealed class PhaseRunner(
    HarnessOptions options, HttpClient http, HttpClient admin, LoadEvent loadEvent, IReadOnlyList<ScenarioPlan> plans,
    IReadOnlyList<HubTarget> hubs, ClusterControl? cluster, Func<string, Task<int>>? payAtProvider = null)
{
    private readonly string _runTag = "ld" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..3]);

    public async Task<PhaseResult> RunAsync(PhaseTarget target)
    {
        var loadBefore = MachineFacts.LoadAverage();
        var clock = new RunClock();
        var book = new PledgeBook($"{_runTag}{target.Name[0]}-");
        var seconds = plans.Max(p => p.Simulation.TotalSeconds);
        var warmup = options.Warmup.TotalSeconds;
        var activity = new ChannelActivity(clock, loadEvent.DeskIds);
        var nodes = hubs.Select(hub => new NodeScreens(hub, clock, warmup, seconds)).ToList();
        var sender = new PledgeSender(http, target, loadEvent, book, clock, activity, options.Seed, options.Duplicates, options.ConcurrentDuplicates, options.RetryFor,
            new DonationPayment(http, payAtProvider));
        var stats = plans.Select(p => new ScenarioStats(p.Name, p.Kind, p.Simulation.WarmupSeconds, p.Simulation.TotalSeconds)).ToList();
        var fleets = new List<ViewerFleet>();
        var injectors = new List<(OpenInjector Injector, ScenarioStats Stats)>();
        var work = new List<Task>();
        using var progress = new CancellationTokenSource();
        for (var i = 0; i < plans.Count; i++)
        {
            var (plan, scenario) = (plans[i], stats[i]);
            if (plan.IsAudience)
            {
                var fleet = new ViewerFleet(nodes, loadEvent.EventId, plan.Kind, options.Phones ?? PhoneClient.Light, book, clock, plan.Simulation, scenario, target.HasLiveTotal);
                fleets.Add(fleet);
                work.Add(fleet.RunAsync(CancellationToken.None));
                continue;
            }

            if (plan.Simulation.HasOpenSteps)
            {
                var injector = new OpenInjector(plan.Simulation, clock, options.MaxInFlight);
                injectors.Add((injector, scenario));
                long next = 0;
                work.Add(injector.RunAsync(
                    at => sender.SendAsync(plan.Kind, (int)(Interlocked.Increment(ref next) % loadEvent.DeskIds.Count), at, scenario),
                    CancellationToken.None));
            }

            if (plan.Simulation.HasClosedSteps)
            {
                var pool = new ClosedPool(plan.Simulation, clock, random => Think(plan, random));
                work.Add(pool.RunAsync((copy, at, _) => sender.SendAsync(plan.Kind, copy, at, scenario), options.Seed + i, CancellationToken.None));
            }
        }

        using var chaos = target == PhaseTarget.Real && cluster is not null && options.Chaos.Count > 0
            ? new ChaosRunner(cluster, options.Chaos, clock, warmup)
            : null;
        chaos?.Start();
        var ticker = ReportProgressAsync(target, clock, stats, progress.Token);
        await Task.WhenAll(work);
        await progress.CancelAsync();
        await ticker;
        foreach (var (injector, scenario) in injectors)
        {
            scenario.AddDropped(injector.Dropped);
        }

        Console.WriteLine($"  [{target.Name}] load done at {clock.Seconds:F1}s; checking …");
        var checks = new List<CheckOutcome>();
        if (chaos is not null)
        {
            var (whole, detail, restored, startFailures) = await chaos.FinishAsync();
            checks.AddRange(chaos.Records.Select(r => new CheckOutcome(target.Name, $"fault {r.Fault} carried out", r.Error is null,
                r.Error ?? (r.Nodes.Count > 0 ? $"node {string.Join(", ", r.Nodes)}" : "done"))));
            checks.Add(new CheckOutcome(target.Name, "the cluster is whole before the check", whole, detail));
            if (restored.Count > 0)
            {
                checks.Add(new CheckOutcome(target.Name, "each node killed by the plan starts again at the first try", startFailures.Count == 0,
                    startFailures.Count == 0 ? $"node(s) {string.Join(", ", restored)} started" : string.Join("; ", startFailures)));
            }
        }

        var correctness = new CorrectnessCheck(target, admin, loadEvent, book, sender);
        checks.AddRange(await correctness.RunAsync(fleets));
        foreach (var fleet in fleets)
        {
            await fleet.DisposeAsync();
        }

        var (fen, count) = book.Acknowledged();
        IReadOnlyList<FaultOutcome> faults = chaos is null ? [] : FaultAnalysis.Analyze(chaos.Records, activity, nodes, warmup, seconds);
        return new PhaseResult(target, stats, [.. stats.Select(ScenarioSummary.From)], checks, count, fen,
            book.All.Count(p => p.SeenOnScreen), book.All.Count(p => p.SeenOnPhone), loadBefore, MachineFacts.LoadAverage(),
            new PhaseNodes(nodes, correctness.Screens, faults, warmup));
    }

    private static TimeSpan Think(ScenarioPlan plan, Random random) =>
        plan.ThinkMax <= TimeSpan.Zero ? TimeSpan.Zero : plan.ThinkMin + ((plan.ThinkMax - plan.ThinkMin) * random.NextDouble());

    /// <summary>Every five seconds, the last complete second of each scenario, so a long run shows it is alive.</summary>
    private static async Task ReportProgressAsync(PhaseTarget target, RunClock clock, List<ScenarioStats> stats, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                var second = (int)clock.Seconds - 1;
                var line = string.Join("  ", stats.Select(s => s.Seconds[second] is var b && s.IsAudience
                    ? s.Kind == ScenarioKind.Screens
                        ? string.Create(CultureInfo.InvariantCulture, $"{s.Name} {b.Connections} conn {b.Pushes} push/s screen p99 {b.ScreenLatency.Summary().P99:F0}ms")
                        : string.Create(CultureInfo.InvariantCulture, $"{s.Name} {b.Connections} conn {b.Pushes} push/s phone p99 {b.PhoneLatency.Summary().P99:F0}ms")
                    : string.Create(CultureInfo.InvariantCulture, $"{s.Name} {b.Ok} ok/s {b.Failed} failed p99 {b.Latency.Summary().P99:F0}ms")));
                Console.WriteLine($"  [{target.Name}] t={second}s {line}");
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }
}
