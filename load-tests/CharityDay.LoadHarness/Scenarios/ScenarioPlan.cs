using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>One scenario of a run: its name in the report, what it does and its load simulation.</summary>
internal sealed record ScenarioPlan(string Name, ScenarioKind Kind, LoadSimulation Simulation, TimeSpan ThinkMin, TimeSpan ThinkMax)
{
    /// <summary>Holds SignalR connections (phones or big screens) instead of sending requests.</summary>
    public bool IsAudience => Kind is ScenarioKind.Viewers or ScenarioKind.Screens;
}
