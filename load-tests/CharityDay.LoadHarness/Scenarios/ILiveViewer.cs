using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// One live connection a <see cref="ViewerFleet"/> holds, whichever client speaks for it: the fleet counts
/// it while connected and the correctness check reads the total it ends up showing.
/// </summary>
internal interface ILiveViewer : IAsyncDisposable
{
    bool IsConnected { get; }

    ScenarioKind Audience { get; }

    /// <summary>Which client speaks for the connection, as the correctness check names it.</summary>
    PhoneClient Client { get; }

    /// <summary>Where it connects (and reconnects): one of <c>--hub-urls</c>.</summary>
    HubTarget Target { get; }

    /// <summary>What it made of its pushes: the total shown, reconnects, the longest gap between pushes.</summary>
    PushObserver Observer { get; }

    /// <summary>The newest total this connection shows (from a push or a snapshot).</summary>
    ViewerTotal? Shown { get; }

    /// <summary>Connects and joins the audience; false when either failed (counted as a failed connect).</summary>
    Task<bool> StartAsync();
}
