using System.Text.Json;
using CharityDay.LoadHarness.Run;
using static CharityDay.LoadHarness.Report.JsonFields;

namespace CharityDay.LoadHarness.Report;

/// <summary>The real phase's faults, big screens per node and each screen's final state in <c>summary.json</c>.</summary>
internal static class SummaryJsonNodes
{
    public static void WriteFaults(Utf8JsonWriter json, PhaseResult real)
    {
        json.WriteStartArray("faults");
        foreach (var f in real.Nodes.Faults)
        {
            json.WriteStartObject();
            json.WriteString("fault", f.Fault);
            json.WriteString("kind", f.Kind);
            json.WriteStartArray("nodes");
            foreach (var node in f.Nodes)
            {
                json.WriteNumberValue(node);
            }

            json.WriteEndArray();
            json.WriteBoolean("carriedOut", f.CarriedOut);
            json.WriteString("error", f.Error);
            json.WriteString("note", f.Note);
            Nullable(json, "atSeconds", f.At);
            Nullable(json, "startedSeconds", f.Started);
            Nullable(json, "endedSeconds", f.Ended);
            json.WriteBoolean("recovered", f.RecoverySeconds is not null);
            Nullable(json, "recoverySeconds", f.RecoverySeconds);
            json.WriteString("recoveryDetail", f.RecoveryDetail);
            json.WriteBoolean("screensCaughtUp", f.Started is not null && f.ScreensCaughtUpSeconds is not null);
            Nullable(json, "screensCaughtUpSeconds", f.ScreensCaughtUpSeconds);
            Nullable(json, "windowStartSeconds", f.WindowStart);
            Nullable(json, "windowEndSeconds", f.WindowEnd);
            json.WriteNumber("status503", f.Status503);
            json.WriteNumber("otherServerErrors", f.OtherServerErrors);
            json.WriteNumber("timeouts", f.Timeouts);
            json.WriteNumber("failures", f.Failures);
            json.WriteStartArray("screenLag");
            foreach (var (lag, target) in f.ScreenLag.Zip(real.Nodes.Targets))
            {
                json.WriteStartObject();
                WriteTarget(json, target.Target);
                Nullable(json, "worstPledgeToScreenMs", lag.WorstPledgeToScreenMs);
                Nullable(json, "worstAckToScreenMs", lag.WorstAckToScreenMs);
                Nullable(json, "worstStalenessMs", lag.WorstStaleMs);
                Nullable(json, "worstLagMs", lag.WorstLagMs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteNodes(Utf8JsonWriter json, PhaseResult real)
    {
        json.WriteStartArray("nodes");
        foreach (var node in real.Nodes.Targets)
        {
            var screens = real.Nodes.Screens.Where(s => s.Target == node.Target.Name).ToList();
            var lag = node.Measured();
            json.WriteStartObject();
            WriteTarget(json, node.Target);
            json.WriteString("url", node.Target.BaseUrl.ToString());
            json.WriteNumber("screens", screens.Count);
            json.WriteNumber("screensShowingAcknowledged", screens.Count(s => s.ShowsAcknowledged));
            json.WriteNumber("sightings", lag.Count);
            Nullable(json, "screenP50Ms", lag.Count == 0 ? null : lag.P50);
            Nullable(json, "screenP99Ms", lag.Count == 0 ? null : lag.P99);
            Nullable(json, "screenMaxMs", lag.Count == 0 ? null : lag.Max);
            Nullable(json, "worstAckToScreenMs", node.WorstSentIn(0, int.MaxValue)?.AckToScreen);
            Nullable(json, "worstStalenessMs", node.WorstStale);
            Nullable(json, "longestPushGapMs", node.LongestPushGapMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteScreens(Utf8JsonWriter json, PhaseResult real)
    {
        json.WriteStartArray("screens");
        foreach (var s in real.Nodes.Screens)
        {
            json.WriteStartObject();
            json.WriteString("scenario", s.Scenario);
            json.WriteNumber("index", s.Index);
            var target = real.Nodes.Targets.First(t => t.Target.Name == s.Target).Target;
            WriteTarget(json, target);
            json.WriteBoolean("connected", s.Connected);
            Nullable(json, "totalFen", s.TotalFen);
            Nullable(json, "pledgeCount", s.PledgeCount);
            Nullable(json, "version", s.Version);
            json.WriteNumber("acknowledgedFen", s.AcknowledgedFen);
            json.WriteNumber("acknowledgedCount", s.AcknowledgedCount);
            json.WriteBoolean("showsAcknowledged", s.ShowsAcknowledged);
            json.WriteNumber("reconnects", s.Reconnects);
            Nullable(json, "longestPushGapMs", s.LongestPushGapMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
