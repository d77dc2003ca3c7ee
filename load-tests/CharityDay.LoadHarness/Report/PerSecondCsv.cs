using System.Globalization;
using System.Text;
using CharityDay.LoadHarness.Chaos;

namespace CharityDay.LoadHarness.Report;

/// <summary>
/// One row per phase, scenario and second: the raw series behind every chart. <c>screen_*</c> is
/// pledge-to-screen (filled on big-screen rows), <c>phone_*</c> pledge-to-phone (on phone rows). Rows
/// named <c>screens@node 2</c> hold the pledge-to-screen figures of the big screens on one hub target.
/// <see cref="Faults"/> writes <c>faults.csv</c>, one row per fault of the chaos plan.
/// </summary>
internal static class PerSecondCsv
{
    public static string Write(RunResult run)
    {
        var csv = new StringBuilder();
        csv.AppendLine("phase,scenario,second,warmup,ok,failed,created,statuses,min_ms,mean_ms,p50_ms,p75_ms,p95_ms,p99_ms,max_ms,bytes_sent,bytes_received,connections,pushes,screen_count,screen_p50_ms,screen_p95_ms,screen_p99_ms,phone_count,phone_p50_ms,phone_p95_ms,phone_p99_ms,screen_max_ms,screen_stale_ms");
        foreach (var phase in run.Phases)
        {
            foreach (var stats in phase.Stats)
            {
                for (var second = 0; second <= stats.LastSecond; second++)
                {
                    var b = stats.Seconds[second];
                    var l = b.Latency.Summary();
                    var s = b.ScreenLatency.Summary();
                    var p = b.PhoneLatency.Summary();
                    var statuses = string.Join(' ', b.Statuses().Select(x => $"{x.Status}:{x.Count}"));
                    csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"{phase.Target.Name},{stats.Name},{second},{stats.IsWarmup(second)},{b.Ok},{b.Failed},{b.Created},{statuses},{l.Min:F3},{l.Mean:F3},{l.P50:F3},{l.P75:F3},{l.P95:F3},{l.P99:F3},{l.Max:F3},{b.BytesSent},{b.BytesReceived},{b.Connections},{b.Pushes},{s.Count},{s.P50:F3},{s.P95:F3},{s.P99:F3},{p.Count},{p.P50:F3},{p.P95:F3},{p.P99:F3},{s.Max:F3},"));
                }
            }

            var last = phase.Stats.Max(s => s.LastSecond);
            foreach (var node in phase.Nodes.Targets)
            {
                for (var second = 0; second <= last; second++)
                {
                    var s = node.BySighting[second].Summary();
                    csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"{phase.Target.Name},screens@{node.Target.Name},{second},{second < (int)Math.Floor(phase.Nodes.Warmup)},,,,,,,,,,,,,,,,{s.Count},{s.P50:F3},{s.P95:F3},{s.P99:F3},,,,,{s.Max:F3},{node.StaleAt(second):F3}"));
                }
            }
        }

        return csv.ToString();
    }

    public static string Faults(RunResult run)
    {
        var csv = new StringBuilder();
        csv.AppendLine("fault,kind,nodes,at_s,started_s,ended_s,recovery_s,screens_caught_up_s,window_start_s,window_end_s,status_503,other_5xx_429,timeouts,target,worst_pledge_to_screen_ms,worst_ack_to_screen_ms,worst_staleness_ms,error");
        foreach (var fault in run.Phases.SelectMany(p => p.Nodes.Faults))
        {
            foreach (var lag in fault.ScreenLag.DefaultIfEmpty(new NodeLag("", null, null, 0)))
            {
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{fault.Fault},{fault.Kind},{string.Join(' ', fault.Nodes)},{fault.At:F1},{fault.Started:F2},{fault.Ended:F2},{fault.RecoverySeconds:F2},{fault.ScreensCaughtUpSeconds:F0},{fault.WindowStart:F0},{fault.WindowEnd:F0},{fault.Status503},{fault.OtherServerErrors},{fault.Timeouts},{lag.Target},{lag.WorstPledgeToScreenMs:F1},{lag.WorstAckToScreenMs:F1},{lag.WorstStaleMs:F1},\"{fault.Error?.Replace("\"", "'", StringComparison.Ordinal)}\""));
            }
        }

        return csv.ToString();
    }
}
