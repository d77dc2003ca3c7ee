using CharityDay.LoadHarness.Measure;

namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// Turns what the chaos runner did and what the run measured into one <see cref="FaultOutcome"/> per
/// fault: its recovery time and the retryable answers in its window (both from <see cref="ChannelActivity"/>)
/// and the worst screen lag per node (from <see cref="NodeScreens"/>, by the second each pledge was sent).
/// </summary>
internal static class FaultAnalysis
{
    /// <summary>A screen further behind than this (staleness) has not caught up.</summary>
    private const double BehindMs = 1000;

    public static IReadOnlyList<FaultOutcome> Analyze(
        IReadOnlyList<FaultRecord> records, ChannelActivity activity, IReadOnlyList<NodeScreens> screens, double warmup, double loadEnd)
    {
        var starts = records.Where(r => r.StartedAt is not null).Select(r => r.StartedAt!.Value).Order().ToList();
        var outcomes = new List<FaultOutcome>();
        foreach (var record in records)
        {
            var fault = record.Fault;
            if (record.StartedAt is not { } started)
            {
                outcomes.Add(new FaultOutcome(fault.Text, Kind(fault), record.Nodes, record.Note, record.Error, fault.At.TotalSeconds,
                    null, null, null, "not carried out", 0, 0, 0, 0, 0, [], null));
                continue;
            }

            var next = starts.FirstOrDefault(s => s > started, double.PositiveInfinity);
            var ended = record.EndedAt ?? started;
            var channels = Enumerable.Range(0, activity.Names.Count)
                .Select(c => (Name: activity.Names[c], Result: activity.RecoveredAt(c, started, next)))
                .Where(c => c.Result.Hit)
                .ToList();
            var stuck = channels.Where(c => c.Result.AcknowledgedAt is null).Select(c => c.Name).ToList();
            double? recovery;
            string detail;
            double windowEnd;
            if (channels.Count == 0)
            {
                (recovery, detail, windowEnd) = (0, "no desk nor the online channel failed or stalled", ended);
            }
            else if (stuck.Count == 0)
            {
                var slowest = channels.MaxBy(c => c.Result.AcknowledgedAt!.Value);
                recovery = slowest.Result.AcknowledgedAt!.Value - started;
                detail = $"{channels.Count} channel(s) failed or stalled; the last acknowledged again: {slowest.Name} at {slowest.Result.AcknowledgedAt - warmup:0.0}s";
                windowEnd = Math.Max(ended, started + recovery.Value);
            }
            else
            {
                recovery = null;
                detail = $"{string.Join(", ", stuck)} not acknowledged again before " +
                    (double.IsPositiveInfinity(next) ? "the end of the run" : $"the next fault at {next - warmup:0.0}s");
                windowEnd = double.IsPositiveInfinity(next) ? Math.Max(ended, activity.LastAnswer) : next;
            }

            long status503 = 0, other = 0, timeouts = 0;
            for (var channel = 0; channel < activity.Names.Count; channel++)
            {
                foreach (var send in activity.Sends(channel, started, windowEnd).Where(s => s.End <= windowEnd))
                {
                    switch (send.Status)
                    {
                        case 503: status503++; break;
                        case 0: timeouts++; break;
                        case >= 500 or 429 or 408: other++; break;
                    }
                }
            }

            var first = (int)Math.Floor(started);
            var horizon = Math.Max(first + 1, (int)Math.Ceiling(Math.Min(next, loadEnd)));
            var lag = screens.Select(n => n.WorstSentIn(first, horizon) is { } worst
                ? new NodeLag(n.Target.Name, worst.PledgeToScreen, worst.AckToScreen, n.WorstStaleIn(first, horizon))
                : new NodeLag(n.Target.Name, null, null, n.WorstStaleIn(first, horizon))).ToList();
            var behind = Enumerable.Range(first, horizon - first).LastOrDefault(s => screens.Any(n => n.StaleAt(s) > BehindMs), -1);
            double? caughtUp = behind < 0 ? 0 : behind + 1 < horizon ? Math.Max(0, behind + 1 - started) : null;
            outcomes.Add(new FaultOutcome(fault.Text, Kind(fault), record.Nodes, record.Note, record.Error, fault.At.TotalSeconds,
                started - warmup, ended - warmup, recovery, detail, started - warmup, windowEnd - warmup, status503, other, timeouts, lag, caughtUp));
        }

        return outcomes;
    }

    private static string Kind(ChaosFault fault) => fault.Kind switch
    {
        ChaosFaultKind.KillNode => "kill-node",
        ChaosFaultKind.RestartNode => "restart-node",
        ChaosFaultKind.RollingRestart => "rolling-restart",
        ChaosFaultKind.RestartPostgres => "restart-postgres",
        _ => "stop-redis",
    };
}
