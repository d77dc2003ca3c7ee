namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// One fault as the report shows it. Times are seconds from the start of the measured run, as in the plan.
/// The window runs from the fault's start until every channel acknowledges again (or its end, if later);
/// an unrecovered fault's window runs to the next fault or the end of the load. <c>RecoverySeconds</c>
/// runs from the fault's start to the first second from which every desk and the online channel that sent
/// got a 2xx, second after second (null when that did not happen before the next fault or the end);
/// <c>ScreenLag</c> holds, per hub target, the worst latencies of pledges sent in the window.
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
    IReadOnlyList<NodeLag> ScreenLag)
{
    public bool CarriedOut => Error is null;

    /// <summary>Answers during the window that a client had to retry: 503s, other 5xx (the balancer's 502/504), 429s and no answer.</summary>
    public long Failures => Status503 + OtherServerErrors + Timeouts;
}

/// <summary>The big screens of one hub target during a fault (or a run): worst latencies in milliseconds, null when they saw nothing.</summary>
internal sealed record NodeLag(string Target, double? WorstPledgeToScreenMs, double? WorstAckToScreenMs);
