using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>One scenario of a run: its name in the report, what it does and its load simulation.</summary>
internal sealed record ScenarioPlan(string Name, ScenarioKind Kind, LoadSimulation Simulation, TimeSpan ThinkMin, TimeSpan ThinkMax)
{
    public bool IsViewers => Kind == ScenarioKind.Viewers;
}
