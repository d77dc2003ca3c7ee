using System.Globalization;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Measure;

namespace CharityDay.LoadHarness.Check;

/// <summary>The command line's limits (<c>--max-p99-ms</c>, <c>--min-rps</c>, …), applied to the real phase.</summary>
internal static class Thresholds
{
    public static IEnumerable<CheckOutcome> Evaluate(HarnessOptions options, IReadOnlyList<ScenarioSummary> real)
    {
        var senders = real.Where(s => !s.IsViewers).ToList();
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

        foreach (var viewers in real.Where(s => s.IsViewers))
        {
            if (options.MaxScreenP99Ms is { } screen)
            {
                yield return Check($"{viewers.Name} pledge-to-screen p99 ≤ {screen} ms", viewers.ScreenLatency.Count > 0 && viewers.ScreenLatency.P99 <= screen,
                    $"p99 {viewers.ScreenLatency.P99:F1} ms over {viewers.ScreenLatency.Count} sightings");
            }

            if (options.MaxFailPercent is { } fail)
            {
                yield return Check($"{viewers.Name} connections failed ≤ {fail}%", viewers.FailedPercent <= fail, $"{viewers.Failed} of {viewers.Requests}");
            }

            yield return Check($"{viewers.Name} never see an older version after a newer one", viewers.VersionRegressions == 0, $"{viewers.VersionRegressions} regressions");
        }
    }

    private static CheckOutcome Check(string name, bool passed, FormattableString detail) =>
        new("real", name, passed, detail.ToString(CultureInfo.InvariantCulture));
}
