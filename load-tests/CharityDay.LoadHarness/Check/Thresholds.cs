using System.Globalization;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Scenarios;

namespace CharityDay.LoadHarness.Check;

/// <summary>The command line's limits (<c>--max-p99-ms</c>, <c>--min-rps</c>, …), applied to the real phase.</summary>
internal static class Thresholds
{
    public static IEnumerable<CheckOutcome> Evaluate(HarnessOptions options, PhaseResult phase)
    {
        var real = phase.Summaries;
        var senders = real.Where(s => !s.IsAudience).ToList();
        foreach (var scenario in senders)
        {
            if (options.MaxP99Ms is { } p99)
            {
                yield return Check($"{scenario.Name} ack p99 ≤ {p99} ms", scenario.Latency.P99 <= p99, $"p99 {scenario.Latency.P99:F1} ms");
            }

            if (options.MaxFailPercent is { } fail)
            {
                yield return Check($"{scenario.Name} failed ≤ {fail}%", scenario.FailedPercent <= fail,
                    $"{scenario.Failed} of {scenario.Requests} ({scenario.FailedPercent:F2}%) {scenario.StatusText}");
            }
        }

        if (options.MinRps is { } rps)
        {
            var achieved = senders.Sum(s => s.OkPerSecond);
            yield return Check($"pledges+donations ≥ {rps}/s", achieved >= rps, $"{achieved:F0} ok/s over {string.Join(", ", senders.Select(s => s.Name))}");
        }

        foreach (var audience in real.Where(s => s.IsAudience))
        {
            var (figure, limit) = audience.Kind == ScenarioKind.Screens ? ("pledge-to-screen", options.MaxScreenP99Ms) : ("pledge-to-phone", options.MaxPhoneP99Ms);
            if (limit is { } p99)
            {
                var sight = audience.SightLatency;
                yield return Check($"{audience.Name} {figure} p99 ≤ {p99} ms", sight.Count > 0 && sight.P99 <= p99, $"p99 {sight.P99:F1} ms over {sight.Count} sightings");
            }

            if (options.MaxFailPercent is { } fail)
            {
                yield return Check($"{audience.Name} connections failed ≤ {fail}%", audience.FailedPercent <= fail, $"{audience.Failed} of {audience.Requests}");
            }
        }

        if (options.MaxRecoverySeconds is { } recovery)
        {
            foreach (var fault in phase.Nodes.Faults)
            {
                yield return fault.RecoverySeconds is { } took
                    ? Check($"{fault.Fault} recovery ≤ {recovery} s", took <= recovery, $"every channel acknowledged again {took:F1} s after the fault")
                    : Check($"{fault.Fault} recovery ≤ {recovery} s", false, $"not recovered: {fault.RecoveryDetail}");
            }
        }

        if (options.MaxScreenLagMs is { } lag)
        {
            var sightings = real.Where(s => s.Kind == ScenarioKind.Screens).Sum(s => s.ScreenLatency.Count);
            var (sighted, stale) = ScreenLag.Worst(phase);
            var worst = Math.Max(sighted ?? 0, stale);
            var where = phase.Nodes.Targets.Select(t => (t.Target.Name, Max: Math.Max(t.Measured().Max, t.WorstStale))).OrderByDescending(t => t.Max).FirstOrDefault();
            yield return Check($"worst pledge-to-screen latency ≤ {lag} ms", sightings > 0 && worst <= lag,
                $"worst {worst:F0} ms on {where.Name ?? "n/a"} (sighted pledges {sighted ?? 0:F0} ms over {sightings} sightings, staleness {stale:F0} ms)");
        }
    }

    private static CheckOutcome Check(string name, bool passed, FormattableString detail) =>
        new("real", name, passed, detail.ToString(CultureInfo.InvariantCulture));
}
