using System.Globalization;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Scenarios;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Report;

/// <summary>The report's tables: senders, live connections and their latency per phase, and the ratios to the baselines.</summary>
internal static class Tables
{
    public static Table Senders(PhaseResult phase)
    {
        var table = new Table($"{phase.Target.Name}: requests (load avg before {phase.LoadBefore}, after {phase.LoadAfter})",
            "scenario", "requests", "ok", "failed", "statuses", "ok/s", "new/s", "min ms", "mean", "p50", "p75", "p95", "p99", "max", "KB sent", "KB recv");
        foreach (var s in phase.Summaries.Where(s => !s.IsAudience))
        {
            var l = s.Latency;
            table.Add(s.Name, N(s.Requests), N(s.Ok), N(s.Failed), s.StatusText, F(s.OkPerSecond, 0), F(s.CreatedPerSecond, 0),
                F(l.Min), F(l.Mean), F(l.P50), F(l.P75), F(l.P95), F(l.P99), F(l.Max), N(s.BytesSent / 1024), N(s.BytesReceived / 1024));
        }

        return table;
    }

    /// <summary>The live connections of a phase: phones and big screens, one row per scenario.</summary>
    public static Table? Audiences(PhaseResult phase)
    {
        var audiences = phase.Summaries.Where(s => s.IsAudience).ToList();
        if (audiences.Count == 0)
        {
            return null;
        }

        var table = new Table(
            $"{phase.Target.Name}: live connections (a big-screen push carries at most 20 new pledges, a phone push the 5 newest)",
            "scenario", "audience", "connects ok", "failed", "connect p99 ms", "max held", "reconnects", "pushes", "pushes/s", "regressions");
        foreach (var s in audiences)
        {
            table.Add(s.Name, AudienceName(s), N(s.Ok), N(s.Failed), F(s.Latency.P99), N(s.MaxConnections), N(s.Reconnects), N(s.Pushes),
                F(s.PushesPerSecond, 0), N(s.VersionRegressions));
        }

        return table;
    }

    /// <summary>
    /// Pledge-to-screen (measured by the big screens) and pledge-to-phone (by the phones), side by side:
    /// from a pledge's send to its sighting in a push, one figure per connection that saw it.
    /// </summary>
    public static Table? Sightings(PhaseResult phase)
    {
        var audiences = phase.Summaries.Where(s => s.IsAudience).ToList();
        if (audiences.Count == 0)
        {
            return null;
        }

        string Share(long seen) => $"{N(seen)} of {N(phase.AcknowledgedCount)} acknowledged ({F(phase.AcknowledgedCount == 0 ? 0 : 100.0 * seen / phase.AcknowledgedCount, 1)}%)";
        var table = new Table(
            $"{phase.Target.Name}: pledge-to-screen and pledge-to-phone latency (seen on a big screen: {Share(phase.SeenOnScreen)}; on a phone: {Share(phase.SeenOnPhone)})",
            "figure", "scenario", "sightings", "p50 ms", "p75", "p95", "p99", "max");
        foreach (var s in audiences.OrderBy(s => s.Kind == ScenarioKind.Screens ? 0 : 1))
        {
            var sight = s.SightLatency;
            table.Add(s.Kind == ScenarioKind.Screens ? "pledge-to-screen" : "pledge-to-phone", s.Name, N(sight.Count),
                sight.Count == 0 ? "n/a" : F(sight.P50), F(sight.P75), F(sight.P95), F(sight.P99), F(sight.Max));
        }

        return table;
    }

    public static Table? Ratios(RunResult run)
    {
        var real = run.Phases.FirstOrDefault(p => p.Target.Name == "real");
        var ceiling = run.Phases.FirstOrDefault(p => p.Target.Name == "ceiling");
        var naive = run.Phases.FirstOrDefault(p => p.Target.Name == "naive");
        if (real is null || (ceiling is null && naive is null))
        {
            return null;
        }

        var table = new Table(
            "real against the baselines (identical load; in the open model every target gets the same offered rate, so compare latency there, throughput in the closed model)",
            "scenario", "model", "real ok/s", "ceiling ok/s", "naive ok/s", "real ÷ naive", "real ÷ ceiling", "real p99 ms", "ceiling p99", "naive p99");
        foreach (var s in real.Summaries.Where(s => !s.IsAudience))
        {
            var c = ceiling?.Find(s.Name);
            var n = naive?.Find(s.Name);
            var model = run.Plans.FirstOrDefault(p => p.Name == s.Name)?.Simulation is { } simulation
                ? (simulation.HasOpenSteps ? "open" : "") + (simulation.HasOpenSteps && simulation.HasClosedSteps ? "+" : "") + (simulation.HasClosedSteps ? "closed" : "")
                : "";
            table.Add(s.Name, model, F(s.OkPerSecond, 0), c is null ? "n/a" : F(c.OkPerSecond, 0), n is null ? "n/a" : F(n.OkPerSecond, 0),
                n is { OkPerSecond: > 0 } ? F(s.OkPerSecond / n.OkPerSecond, 2) + "×" : "n/a",
                c is { OkPerSecond: > 0 } ? F(100 * s.OkPerSecond / c.OkPerSecond, 0) + "%" : "n/a",
                F(s.Latency.P99), c is null ? "n/a" : F(c.Latency.P99), n is null ? "n/a" : F(n.Latency.P99));
        }

        return table;
    }

    public static IEnumerable<Table> All(RunResult run)
    {
        foreach (var phase in run.Phases)
        {
            yield return Senders(phase);
            if (Audiences(phase) is { } audiences)
            {
                yield return audiences;
            }

            if (Sightings(phase) is { } sightings)
            {
                yield return sightings;
            }

            if (phase.Target != PhaseTarget.Real)
            {
                continue;
            }

            foreach (var table in new[] { ClusterTables.Retries(phase), ClusterTables.Faults(phase), ClusterTables.Nodes(phase), ClusterTables.Screens(phase) })
            {
                if (table is not null)
                {
                    yield return table;
                }
            }
        }

        if (Ratios(run) is { } ratios)
        {
            yield return ratios;
        }
    }

    private static string AudienceName(ScenarioSummary summary) => summary.Kind == ScenarioKind.Screens ? "big screens (Watch)" : "phones (Follow)";

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
