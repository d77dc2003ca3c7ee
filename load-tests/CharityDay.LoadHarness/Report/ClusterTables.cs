using CharityDay.LoadHarness.Chaos;
using CharityDay.LoadHarness.Run;
using static CharityDay.LoadHarness.Report.Tables;

namespace CharityDay.LoadHarness.Report;

/// <summary>
/// The report's tables about clients riding out failures: same-id retries, the faults of the chaos plan,
/// the big screens per node, and each big screen's final total.
/// </summary>
internal static class ClusterTables
{
    public static Table? Retries(PhaseResult phase)
    {
        var senders = phase.Summaries.Where(s => !s.IsAudience).ToList();
        if (senders.Count == 0)
        {
            return null;
        }

        var table = new Table($"{phase.Target.Name}: same-id retries (first sends against final outcomes; pledges sent after the warm-up)",
            "scenario", "pledges", "first send failed", "retry sends", "acknowledged after a retry", "unresolved when retries gave up");
        foreach (var s in senders)
        {
            var r = s.Retries;
            table.Add(s.Name, N(r.Pledges), N(r.FirstAttemptFailures), N(r.RetryAttempts), N(r.AcknowledgedAfterRetry), N(r.Unresolved));
        }

        return table;
    }

    public static Table? Faults(PhaseResult phase)
    {
        var faults = phase.Nodes.Faults;
        if (faults.Count == 0)
        {
            return null;
        }

        var targets = phase.Nodes.Targets.Select(t => t.Target.Name).ToList();
        var table = new Table(
            $"{phase.Target.Name}: faults (seconds from the start of the measured run; recovery: until the last desk or online channel that failed or stalled (a send held over 1 s) got a 2xx again; " +
            "screens caught up: until no connected big screen was more than 1 s behind (1 s steps); 503/5xx/timeouts: answers in the fault's window; " +
            "screen lag, until the next fault or the end: the worst of the sighted pledges' latency and of the staleness sampled, in brackets the worst ack-to-screen / staleness)",
            ["fault", "nodes", "started", "ended", "recovery s", "screens caught up s", "503", "other 5xx/429", "timeouts", .. targets.Select(t => $"{t} screen lag ms"), "detail"]);
        foreach (var f in faults)
        {
            var lags = f.ScreenLag.Select(l => $"{F(l.WorstLagMs, 0)} ({(l.WorstAckToScreenMs is { } ack ? F(ack, 0) : "n/a")}/{F(l.WorstStaleMs, 0)})");
            table.Add([f.Fault, f.Nodes.Count == 0 ? "–" : string.Join(" ", f.Nodes), Seconds(f.Started), Seconds(f.Ended),
                f.Started is null ? "–" : f.RecoverySeconds is { } took ? F(took) : "not recovered",
                f.Started is null ? "–" : f.ScreensCaughtUpSeconds is { } caught ? F(caught, 0) : "not caught up", N(f.Status503), N(f.OtherServerErrors), N(f.Timeouts),
                .. lags, Detail(f)]);
        }

        return table;
    }

    /// <summary>The big screens of each hub target over the measured run.</summary>
    public static Table? Nodes(PhaseResult phase)
    {
        var screens = phase.Nodes.Screens;
        if (screens.Count == 0)
        {
            return null;
        }

        var table = new Table($"{phase.Target.Name}: big screens per node (pledge-to-screen of sighted pledges over the measured run; ack-to-screen: from the acknowledgement; " +
            "staleness: sampled 4 times a second, how long the oldest acknowledged pledge a connected screen cannot be showing yet has waited since it was sent)",
            "node", "url", "screens", "sightings", "p50 ms", "p99", "max", "worst ack-to-screen", "worst staleness", "longest push gap", "show the acknowledged total");
        foreach (var node in phase.Nodes.Targets)
        {
            var own = screens.Where(s => s.Target == node.Target.Name).ToList();
            var lag = node.Measured();
            var ack = node.WorstSentIn(0, int.MaxValue)?.AckToScreen;
            table.Add(node.Target.Name, node.Target.BaseUrl.ToString(), N(own.Count), N(lag.Count), lag.Count == 0 ? "n/a" : F(lag.P50), F(lag.P99), F(lag.Max),
                ack is null ? "n/a" : F(ack.Value), F(node.WorstStale, 0), F(node.LongestPushGapMs, 0), $"{own.Count(s => s.ShowsAcknowledged)} of {own.Count}");
        }

        return table;
    }

    public static Table? Screens(PhaseResult phase)
    {
        var screens = phase.Nodes.Screens;
        if (screens.Count == 0)
        {
            return null;
        }

        var acknowledged = $"{N(phase.AcknowledgedCount)} pledges, {N(phase.AcknowledgedFen)} fen";
        var table = new Table($"{phase.Target.Name}: each big screen at the end (acknowledged: {acknowledged})",
            "scenario", "screen", "node", "connected", "reconnects", "longest push gap ms", "shows pledges", "shows fen", "version", "= acknowledged");
        foreach (var s in screens)
        {
            table.Add(s.Scenario, N(s.Index), s.Target, s.Connected ? "yes" : "NO", N(s.Reconnects), F(s.LongestPushGapMs, 0),
                s.PledgeCount is { } count ? N(count) : "–", s.TotalFen is { } fen ? N(fen) : "–", s.Version is { } version ? N(version) : "–",
                s.ShowsAcknowledged ? "yes" : "NO");
        }

        return table;
    }

    private static string Seconds(double? seconds) => seconds is { } value ? F(value) : "–";

    private static string Detail(FaultOutcome fault) =>
        string.Join("; ", new[] { fault.Error is null ? null : "FAILED: " + fault.Error, fault.Note, fault.RecoveryDetail }.Where(d => d is not null));
}
