namespace CharityDay.LoadHarness.Scenarios;

/// <summary>What a scenario does.</summary>
internal enum ScenarioKind
{
    /// <summary>Desk operators sending stage pledges (with a token per desk).</summary>
    Stage,

    /// <summary>Phones sending online donations (no sign-in).</summary>
    Online,

    /// <summary>Phone viewers following the event's running total over SignalR (<c>Follow</c>: ≤ 4 pushes/s, 5 newest pledges).</summary>
    Viewers,

    /// <summary>Big screens watching the running total over SignalR (<c>Watch</c>: ≤ 10 pushes/s, up to 20 new pledges).</summary>
    Screens,
}
