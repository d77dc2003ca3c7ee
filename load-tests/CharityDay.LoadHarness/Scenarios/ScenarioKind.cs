namespace CharityDay.LoadHarness.Scenarios;

/// <summary>What a scenario does.</summary>
internal enum ScenarioKind
{
    /// <summary>Desk operators sending stage pledges (with a token per desk).</summary>
    Stage,

    /// <summary>Phones sending online donations (no sign-in).</summary>
    Online,

    /// <summary>SignalR connections watching the event's running total.</summary>
    Viewers,
}
