using CharityDay.LoadHarness.Chaos;
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
    string LoadAfter,
    PhaseNodes Nodes)
{
    public ScenarioSummary? Find(string scenario) => Summaries.FirstOrDefault(s => s.Name == scenario);
}

/// <summary>
/// A phase's figures per hub target (node) and per fault: the screens on each target, each big screen's
/// final state, and the faults of the chaos plan (real phase only). <see cref="Warmup"/> turns the
/// faults' measured-run times into the charts' phase seconds.
/// </summary>
internal sealed record PhaseNodes(
    IReadOnlyList<NodeScreens> Targets,
    IReadOnlyList<ScreenFinal> Screens,
    IReadOnlyList<FaultOutcome> Faults,
    double Warmup);
