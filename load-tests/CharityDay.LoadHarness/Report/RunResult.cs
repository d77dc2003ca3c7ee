using CharityDay.LoadHarness.Check;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Scenarios;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Report;

/// <summary>Everything a report shows: how the run was set up, each phase's figures and every verdict.</summary>
internal sealed record RunResult(
    HarnessOptions Options,
    ServerEndpoint Server,
    bool StartedServer,
    IReadOnlyList<ScenarioPlan> Plans,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyList<CheckOutcome> Checks,
    DateTimeOffset StartedAt,
    TimeSpan Wall,
    string Machine,
    string? CountersSummary)
{
    public int Passed => Checks.Count(c => c.Passed);

    public int Failed => Checks.Count(c => !c.Passed);
}
