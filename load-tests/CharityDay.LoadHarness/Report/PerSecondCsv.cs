using System.Globalization;
using System.Text;

namespace CharityDay.LoadHarness.Report;

/// <summary>
/// One row per phase, scenario and second: the raw series behind every chart. <c>screen_*</c> is
/// pledge-to-screen (filled on big-screen rows), <c>phone_*</c> pledge-to-phone (on phone rows).
/// </summary>
internal static class PerSecondCsv
{
    public static string Write(RunResult run)
    {
        var csv = new StringBuilder();
        csv.AppendLine("phase,scenario,second,warmup,ok,failed,created,statuses,min_ms,mean_ms,p50_ms,p75_ms,p95_ms,p99_ms,max_ms,bytes_sent,bytes_received,connections,pushes,screen_count,screen_p50_ms,screen_p95_ms,screen_p99_ms,phone_count,phone_p50_ms,phone_p95_ms,phone_p99_ms");
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
                        $"{phase.Target.Name},{stats.Name},{second},{stats.IsWarmup(second)},{b.Ok},{b.Failed},{b.Created},{statuses},{l.Min:F3},{l.Mean:F3},{l.P50:F3},{l.P75:F3},{l.P95:F3},{l.P99:F3},{l.Max:F3},{b.BytesSent},{b.BytesReceived},{b.Connections},{b.Pushes},{s.Count},{s.P50:F3},{s.P95:F3},{s.P99:F3},{p.Count},{p.P50:F3},{p.P95:F3},{p.P99:F3}"));
                }
            }
        }

        return csv.ToString();
    }
}
