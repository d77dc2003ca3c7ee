namespace CharityDay.LoadHarness.Check;

/// <summary>
/// One big screen at the end of a phase, after the correctness check waited for it: what it shows against
/// the acknowledged total. <c>Index</c> numbers the screens of a scenario from 1; <c>Target</c> is the hub
/// target it connected (and reconnected) to: <c>node 2</c>, <c>balancer</c>, …
/// </summary>
internal sealed record ScreenFinal(
    string Scenario,
    int Index,
    string Target,
    bool Connected,
    long? TotalFen,
    long? PledgeCount,
    long? Version,
    long AcknowledgedFen,
    long AcknowledgedCount,
    int Reconnects,
    double LongestPushGapMs)
{
    public bool ShowsAcknowledged => Connected && TotalFen == AcknowledgedFen && PledgeCount == AcknowledgedCount;
}
