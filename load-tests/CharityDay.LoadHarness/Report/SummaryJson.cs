using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CharityDay.LoadHarness.Check;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Target;
using static CharityDay.LoadHarness.Report.JsonFields;

namespace CharityDay.LoadHarness.Report;

/// <summary>
/// <c>summary.json</c>: the run for programs (the fault tests read it): every check, the figures of each
/// phase and scenario, and for the real phase the faults, the big screens per node and each screen's final
/// total. Times of faults are seconds from the start of the measured run; latencies are milliseconds;
/// money is integer fen. The field list is in load-tests/README.md.
/// </summary>
internal static class SummaryJson
{
    public const int Schema = 1;

    public static string Write(RunResult run)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteString("label", run.Options.Label);
            json.WriteString("startedAt", run.StartedAt);
            json.WriteNumber("wallSeconds", Math.Round(run.Wall.TotalSeconds, 1));
            json.WriteString("command", string.Join(' ', run.Options.CommandLine));
            json.WriteString("server", run.Server.BaseAddress.ToString());
            json.WriteString("storage", run.Server.StorageMode);
            json.WriteString("cluster", run.Options.ClusterDirectory);
            json.WriteString("chaos", run.Options.Chaos.Count == 0 ? null : string.Join(',', run.Options.Chaos));
            json.WriteBoolean("passed", run.Failed == 0);
            json.WriteNumber("checksPassed", run.Passed);
            json.WriteNumber("checksFailed", run.Failed);
            json.WriteStartArray("checks");
            foreach (var check in run.Checks)
            {
                json.WriteStartObject();
                json.WriteString("phase", check.Phase);
                json.WriteString("name", check.Name);
                json.WriteBoolean("passed", check.Passed);
                json.WriteString("detail", check.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var real = run.Phases.FirstOrDefault(p => p.Target == PhaseTarget.Real);
            if (real is not null)
            {
                WriteReal(json, real);
            }

            json.WriteStartArray("phases");
            foreach (var phase in run.Phases)
            {
                WritePhase(json, phase);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The run stopped before any verdict (the server, the event or the cluster failed): one failed check saying why.</summary>
    public static string WriteAborted(HarnessOptions options, DateTimeOffset startedAt, string reason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteString("label", options.Label);
            json.WriteString("startedAt", startedAt);
            json.WriteString("command", string.Join(' ', options.CommandLine));
            json.WriteBoolean("passed", false);
            json.WriteString("aborted", reason);
            json.WriteNumber("checksPassed", 0);
            json.WriteNumber("checksFailed", 1);
            json.WriteStartArray("checks");
            json.WriteStartObject();
            json.WriteString("phase", "run");
            json.WriteString("name", "the run could go on");
            json.WriteBoolean("passed", false);
            json.WriteString("detail", reason);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReal(Utf8JsonWriter json, PhaseResult real)
    {
        json.WriteStartObject("acknowledged");
        json.WriteNumber("count", real.AcknowledgedCount);
        json.WriteNumber("fen", real.AcknowledgedFen);
        json.WriteEndObject();
        var (sighted, stale) = ScreenLag.Worst(real);
        Nullable(json, "worstScreenLagMs", sighted is null && stale == 0 ? null : Math.Max(sighted ?? 0, stale));
        Nullable(json, "worstSightedScreenLagMs", sighted);
        Nullable(json, "worstScreenStalenessMs", stale);
        var faults = real.Nodes.Faults;
        json.WriteBoolean("allFaultsCarriedOut", faults.All(f => f.CarriedOut));
        json.WriteBoolean("allRecovered", faults.All(f => f.RecoverySeconds is not null));
        json.WriteBoolean("allScreensCaughtUp", faults.All(f => f.ScreensCaughtUpSeconds is not null));
        Nullable(json, "worstRecoverySeconds", faults.Count == 0 || faults.Any(f => f.RecoverySeconds is null) ? null : faults.Max(f => f.RecoverySeconds));
        json.WriteStartArray("hubTargets");
        foreach (var node in real.Nodes.Targets)
        {
            json.WriteStartObject();
            WriteTarget(json, node.Target);
            json.WriteString("url", node.Target.BaseUrl.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        SummaryJsonNodes.WriteFaults(json, real);
        SummaryJsonNodes.WriteNodes(json, real);
        SummaryJsonNodes.WriteScreens(json, real);
    }

    private static void WritePhase(Utf8JsonWriter json, PhaseResult phase)
    {
        json.WriteStartObject();
        json.WriteString("name", phase.Target.Name);
        json.WriteNumber("acknowledgedCount", phase.AcknowledgedCount);
        json.WriteNumber("acknowledgedFen", phase.AcknowledgedFen);
        json.WriteNumber("seenOnScreen", phase.SeenOnScreen);
        json.WriteNumber("seenOnPhone", phase.SeenOnPhone);
        json.WriteStartArray("scenarios");
        foreach (var s in phase.Summaries)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("requests", s.Requests);
            json.WriteNumber("ok", s.Ok);
            json.WriteNumber("failed", s.Failed);
            json.WriteNumber("dropped", s.Dropped);
            json.WriteStartObject("statuses");
            foreach (var (status, count) in s.Statuses)
            {
                json.WriteNumber(status == 0 ? "error" : status.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
            }

            json.WriteEndObject();
            json.WriteNumber("okPerSecond", Math.Round(s.OkPerSecond, 1));
            Latency(json, "latency", s.Latency);
            if (s.IsAudience)
            {
                json.WriteNumber("maxConnections", s.MaxConnections);
                json.WriteNumber("pushes", s.Pushes);
                json.WriteNumber("reconnects", s.Reconnects);
                json.WriteNumber("versionRegressions", s.VersionRegressions);
                Latency(json, "sightLatency", s.SightLatency);
            }
            else
            {
                json.WriteNumber("pledges", s.Retries.Pledges);
                json.WriteNumber("firstAttemptFailures", s.Retries.FirstAttemptFailures);
                json.WriteNumber("retryAttempts", s.Retries.RetryAttempts);
                json.WriteNumber("acknowledgedAfterRetry", s.Retries.AcknowledgedAfterRetry);
                json.WriteNumber("unresolvedAfterRetries", s.Retries.Unresolved);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
