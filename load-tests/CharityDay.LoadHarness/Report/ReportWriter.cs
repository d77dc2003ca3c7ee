using System.Globalization;
using System.Text;
using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Report;

/// <summary>Writes the report folder: summary.md, summary.json, per-second.csv, faults.csv (with a chaos plan), report.html (charts embedded, opens offline) and charts/*.png.</summary>
internal static class ReportWriter
{
    public static void Write(RunResult run, string folder)
    {
        var plain = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, "summary.md"), Markdown(run), plain);
        // With a byte-order mark, like the ledger export: spreadsheet programs then read UTF-8.
        File.WriteAllText(Path.Combine(folder, "per-second.csv"), PerSecondCsv.Write(run), Encoding.UTF8);
        File.WriteAllText(Path.Combine(folder, "summary.json"), SummaryJson.Write(run), plain);
        if (run.Phases.Any(p => p.Nodes.Faults.Count > 0))
        {
            File.WriteAllText(Path.Combine(folder, "faults.csv"), PerSecondCsv.Faults(run), Encoding.UTF8);
        }

        var charts = Charts.For(run).ToList();
        File.WriteAllText(Path.Combine(folder, "report.html"), HtmlPage.Write(run, charts), plain);
        var pngs = Directory.CreateDirectory(Path.Combine(folder, "charts")).FullName;
        for (var i = 0; i < charts.Count; i++)
        {
            var name = string.Join('-', new string([.. charts[i].Title.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')])
                .Split(' ', StringSplitOptions.RemoveEmptyEntries));
            File.WriteAllBytes(Path.Combine(pngs, $"{i + 1:D2}-{name}.png"), charts[i].Png);
        }
    }

    public static string ConsoleSummary(RunResult run) =>
        string.Join(Environment.NewLine, Tables.All(run).Select(t => t.ToConsole()));

    public static IEnumerable<(string Name, string Value)> Facts(RunResult run)
    {
        yield return ("started", run.StartedAt.ToString("u", CultureInfo.InvariantCulture));
        yield return ("wall time", Durations.Format(TimeSpan.FromSeconds(Math.Round(run.Wall.TotalSeconds))));
        yield return ("command", "CharityDay.LoadHarness " + string.Join(' ', run.Options.CommandLine));
        yield return ("server", $"{run.Server.BaseAddress} ({run.Server.StorageMode}{(run.StartedServer ? ", started by the harness" : "")})");
        if (run.Options.ClusterDirectory is { } cluster)
        {
            yield return ("cluster", cluster);
        }

        if (run.Phases is [var first, ..] && first.Nodes.Targets is { Count: > 0 } targets)
        {
            yield return ("live connections", "round-robin over " + string.Join(", ", targets.Select(t => $"{t.Target.Name} ({t.Target.BaseUrl})")));
        }

        if (run.Options.Chaos.Count > 0)
        {
            yield return ("chaos plan", string.Join(", ", run.Options.Chaos) + " (from the start of the measured run)");
        }

        yield return ("retries", run.Options.RetryFor > TimeSpan.Zero
            ? $"a send answered 5xx, 429 or not at all is sent again with the same id every 250 ms for up to {Durations.Format(run.Options.RetryFor)}"
            : "none during the run (--retry-for 0)");
        yield return ("machine", run.Machine);
        yield return ("duplicates", string.Create(CultureInfo.InvariantCulture,
            $"{run.Options.Duplicates:P0} re-sent after the ack, {run.Options.ConcurrentDuplicates:P0} sent twice at once"));
        foreach (var plan in run.Plans)
        {
            yield return ($"scenario {plan.Name}", plan.Simulation.ToString()
                + (plan.ThinkMax > TimeSpan.Zero ? $"; think {Durations.Format(plan.ThinkMin)}–{Durations.Format(plan.ThinkMax)}" : ""));
        }

        if (run.CountersSummary is not null)
        {
            yield return ("server counters", run.CountersSummary);
        }
    }

    private static string Markdown(RunResult run)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Load run {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z{(run.Options.Label is null ? "" : " — " + run.Options.Label)}").AppendLine();
        foreach (var (name, value) in Facts(run))
        {
            text.AppendLine($"- {name}: {(name == "command" ? $"`{value}`" : value)}");
        }

        text.AppendLine();
        foreach (var table in Tables.All(run))
        {
            text.AppendLine(table.ToMarkdown());
        }

        text.AppendLine($"## Checks: {run.Passed} passed, {run.Failed} failed").AppendLine();
        foreach (var check in run.Checks)
        {
            text.AppendLine($"- {check}");
        }

        return text.ToString();
    }
}
