using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Scenarios;

namespace CharityDay.LoadHarness.Check;

/// <summary>
/// The worst lag of any big screen over a phase's measured run, two ways: the pledge-to-screen latency of
/// the pledges screens sighted, and the staleness sampled while they were connected (a frozen screen sights
/// nothing, so only staleness catches it). <c>--max-screen-lag-ms</c> holds the larger to its limit.
/// </summary>
internal static class ScreenLag
{
    public static (double? Sighted, double Stale) Worst(PhaseResult phase)
    {
        var screens = phase.Summaries.Where(s => s.Kind == ScenarioKind.Screens && s.ScreenLatency.Count > 0).ToList();
        return (screens.Count == 0 ? null : screens.Max(s => s.ScreenLatency.Max),
            phase.Nodes.Targets.Select(t => t.WorstStale).DefaultIfEmpty(0).Max());
    }
}
