using CharityDay.LoadHarness.Check;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Run;

/// <summary>What one phase (real, ceiling or naive) measured and concluded.</summary>
internal sealed record PhaseResult(
    PhaseTarget Target,
    IReadOnlyList<ScenarioStats> Stats,
    IReadOnlyList<ScenarioSummary> Summaries,
    IReadOnlyList<CheckOutcome> Checks,
    long AcknowledgedCount,
    long AcknowledgedFen,
    long SeenOnScreen,
    long SeenOnPhone,
    string LoadBefore,
    string LoadAfter)
{
    public ScenarioSummary? Find(string scenario) => Summaries.FirstOrDefault(s => s.Name == scenario);
}
