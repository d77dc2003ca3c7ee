using CharityDay.LoadHarness.Measure;

namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// Turns what the chaos runner did and what the run measured into one <see cref="FaultOutcome"/> per
/// fault: its recovery time (from <see cref="ChannelActivity"/>), the retryable answers in its window (from
/// the sender scenarios' per-second statuses) and the worst screen lag per node (from <see cref="NodeScreens"/>).
/// </summary>
internal static class FaultAnalysis
{
    public static IReadOnlyList<FaultOutcome> Analyze(
        IReadOnlyList<FaultRecord> records, ChannelActivity activity, IReadOnlyList<ScenarioStats> stats, IReadOnlyList<NodeScreens> screens, double warmup)
    {
        var senders = stats.Where(s => !s.IsAudience).ToList();
        var starts = records.Where(r => r.StartedAt is not null).Select(r => r.StartedAt!.Value).Order().ToList();
        var outcomes = new List<FaultOutcome>();
        foreach (var record in records)
        {
            var fault = record.Fault;
            if (record.StartedAt is not { } started)
            {
                outcomes.Add(new FaultOutcome(fault.Text, Kind(fault), record.Nodes, record.Note, record.Error, fault.At.TotalSeconds,
                    null, null, null, "not carried out", 0, 0, 0, 0, 0, []));
                continue;
            }

            var first = (int)Math.Floor(started);
            var next = starts.FirstOrDefault(s => s > started, double.NaN);
            var horizon = Math.Max(first + 1, double.IsNaN(next) ? activity.LastSecond + 1 : (int)Math.Floor(next));
            var lastWaiting = Enumerable.Range(first, horizon - first).LastOrDefault(s => !activity.AllAcknowledged(s), -1);
            double? recovery;
            string detail;
            int windowEnd;
            var ended = record.EndedAt ?? started;
            if (lastWaiting < 0)
            {
                (recovery, detail, windowEnd) = (0, "every channel acknowledged throughout", Math.Max(first + 1, (int)Math.Ceiling(ended)));
            }
            else if (lastWaiting + 1 < horizon)
            {
                recovery = Math.Max(0, lastWaiting + 1 - started);
                detail = $"last waiting at {lastWaiting - warmup:0}s: {string.Join(", ", activity.Waiting(lastWaiting))}";
                windowEnd = Math.Max(lastWaiting + 1, (int)Math.Ceiling(ended));
            }
            else
            {
                recovery = null;
                detail = $"still waiting at {lastWaiting - warmup:0}s ({string.Join(", ", activity.Waiting(lastWaiting))}), " +
                    (double.IsNaN(next) ? "the end of the load" : $"when the next fault started at {next - warmup:0.0}s");
                windowEnd = horizon;
            }

            long status503 = 0, other = 0, timeouts = 0;
            foreach (var bucket in senders.SelectMany(s => s.Seconds.Skip(first).Take(windowEnd - first)))
            {
                foreach (var (status, count) in bucket.Statuses())
                {
                    if (status == 503)
                    {
                        status503 += count;
                    }
                    else if (status is >= 500 or 429 or 408)
                    {
                        other += count;
                    }
                    else if (status == 0)
                    {
                        timeouts += count;
                    }
                }
            }

            var lag = screens.Select(n => n.WorstSentIn(first, windowEnd) is { } worst
                ? new NodeLag(n.Target.Name, worst.PledgeToScreen, worst.AckToScreen)
                : new NodeLag(n.Target.Name, null, null)).ToList();
            outcomes.Add(new FaultOutcome(fault.Text, Kind(fault), record.Nodes, record.Note, record.Error, fault.At.TotalSeconds,
                started - warmup, ended - warmup, recovery, detail, first - warmup, windowEnd - warmup, status503, other, timeouts, lag));
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
