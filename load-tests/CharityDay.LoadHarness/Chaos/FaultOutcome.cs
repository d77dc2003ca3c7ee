namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// One fault as the report shows it. Times are seconds from the start of the measured run, as in the plan.
/// <c>RecoverySeconds</c> runs from the fault's start until the last desk (or the online channel) that
/// failed or stalled after it is acknowledged again (see <see cref="Measure.ChannelActivity.RecoveredAt"/>):
/// 0 when none did, null when one was still waiting at the next fault or the end. The window runs from the
/// start to the later of the recovery and the fault's end (to the next fault, unrecovered); the retryable
/// answers are counted in it. Screens can stay behind after the desks recover (the total's grain comes back
/// later), so <c>ScreenLag</c> (per hub target) and <c>ScreensCaughtUpSeconds</c> (until no connected
/// screen was more than 1 s behind; null when one still was at the horizon) look on to the next fault or
/// the end of the load.
/// </summary>
internal sealed record FaultOutcome(
    string Fault,
    string Kind,
    IReadOnlyList<int> Nodes,
    string? Note,
    string? Error,
    double At,
    double? Started,
    double? Ended,
    double? RecoverySeconds,
    string RecoveryDetail,
    double WindowStart,
    double WindowEnd,
    long Status503,
    long OtherServerErrors,
    long Timeouts,
    IReadOnlyList<NodeLag> ScreenLag,
    double? ScreensCaughtUpSeconds)
{
    public bool CarriedOut => Error is null;

    /// <summary>Answers during the window that a client had to retry: 503s, other 5xx (the balancer's 502/504), 429s and no answer.</summary>
    public long Failures => Status503 + OtherServerErrors + Timeouts;
}

/// <summary>
/// The big screens of one hub target during a fault: the worst pledge-to-screen and ack-to-screen latency
/// of the pledges they sighted (null when none), and the worst staleness sampled (ms). <see cref="WorstLagMs"/>
/// is the larger of sighting and staleness: a frozen screen sights nothing, yet it is the worst lag of all.
/// </summary>
internal sealed record NodeLag(string Target, double? WorstPledgeToScreenMs, double? WorstAckToScreenMs, double WorstStaleMs)
{
    public double WorstLagMs => Math.Max(WorstPledgeToScreenMs ?? 0, WorstStaleMs);
}
