using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Scenarios;
using ScottPlot;

namespace CharityDay.LoadHarness.Report;

/// <summary>
/// The report's charts as PNG bytes (ScottPlot on Skia), per second of each phase: throughput,
/// acknowledgement latency, live connections, pledge-to-screen and pledge-to-phone latency, the big
/// screens' lag per node, and the real route beside the baselines. Each fault of the chaos plan is a red
/// line at its start, labelled above the chart, and a band over its window.
/// </summary>
internal static class Charts
{
    private const int Width = 960;
    private const int Height = 340;

    public static IEnumerable<(string Title, byte[] Png)> For(RunResult run)
    {
        foreach (var phase in run.Phases)
        {
            var senders = phase.Stats.Where(s => !s.IsAudience).ToList();
            if (senders.Count > 0)
            {
                yield return Chart($"{phase.Target.Name}: throughput", "ok/s", phase, senders.SelectMany(s => Series(s,
                    ($"{s.Name} ok/s", b => b.Ok), ($"{s.Name} failed/s", b => b.Failed))).Where(NonZero));
                yield return Chart($"{phase.Target.Name}: acknowledgement latency", "ms", phase, senders.SelectMany(s => Series(s,
                    ($"{s.Name} p50", b => Or(b.Latency, l => l.P50)), ($"{s.Name} p99", b => Or(b.Latency, l => l.P99)))).Select(Gaps));
            }

            var audiences = phase.Stats.Where(s => s.IsAudience).ToList();
            if (audiences.Count > 0)
            {
                yield return Chart($"{phase.Target.Name}: live connections", "count", phase, audiences.SelectMany(s => Series(s,
                    ($"{s.Name} connections held", b => b.Connections), ($"{s.Name} pushes/s", b => b.Pushes))));
                foreach (var (figure, kind, pick) in new (string, ScenarioKind, Func<SecondBucket, LatencyHistogram>)[]
                {
                    ("pledge-to-screen", ScenarioKind.Screens, b => b.ScreenLatency),
                    ("pledge-to-phone", ScenarioKind.Viewers, b => b.PhoneLatency),
                })
                {
                    var measuring = audiences.Where(s => s.Kind == kind && s.Seconds.Any(b => pick(b).Count > 0)).ToList();
                    if (measuring.Count > 0)
                    {
                        yield return Chart($"{phase.Target.Name}: {figure} latency", "ms", phase, measuring.SelectMany(s => Series(s,
                            ($"{s.Name} p50", b => Or(pick(b), l => l.P50)), ($"{s.Name} p95", b => Or(pick(b), l => l.P95)),
                            ($"{s.Name} p99", b => Or(pick(b), l => l.P99)))).Select(Gaps));
                    }
                }
            }

            var nodes = phase.Nodes.Targets.Where(t => t.BySighting.Any(h => h.Count > 0)).ToList();
            if (nodes.Count > 1 || (nodes.Count > 0 && phase.Nodes.Faults.Count > 0))
            {
                var last = phase.Stats.Max(s => s.LastSecond);
                yield return Chart($"{phase.Target.Name}: big-screen lag per node (sighted pledges' max, and staleness)", "ms", phase, nodes.SelectMany(n => new[]
                {
                    PerNode(n, $"{n.Target.Name} sighted max", l => l.Max, last),
                    (Label: $"{n.Target.Name} staleness", Xs: Enumerable.Range(0, last + 1).Select(i => (double)i).ToArray(),
                        Ys: Enumerable.Range(0, last + 1).Select(n.StaleAt).ToArray()),
                }).Select(Gaps));
            }
        }

        if (run.Phases.Count > 1)
        {
            foreach (var scenario in run.Phases[0].Stats.Where(s => !s.IsAudience).Select(s => s.Name))
            {
                var lines = run.Phases
                    .Select(p => (Phase: p, Stats: p.Stats.FirstOrDefault(s => s.Name == scenario)))
                    .Where(p => p.Stats is not null)
                    .SelectMany(p => Series(p.Stats!, ($"{p.Phase.Target.Name} ok/s", b => b.Ok)));
                yield return Chart($"{scenario}: real against the baselines", "ok/s", run.Phases[0], lines);
            }
        }
    }

    /// <summary>A second without a single answer has no latency: NaN marks it, and <see cref="Gaps"/> leaves it out.</summary>
    private static double Or(LatencyHistogram histogram, Func<LatencySummary, double> pick) =>
        histogram.Count == 0 ? double.NaN : pick(histogram.Summary());

    private static (string Label, double[] Xs, double[] Ys) Gaps((string Label, double[] Xs, double[] Ys) series)
    {
        var kept = series.Xs.Zip(series.Ys).Where(p => !double.IsNaN(p.Second)).ToArray();
        return (series.Label, [.. kept.Select(p => p.First)], [.. kept.Select(p => p.Second)]);
    }

    private static (string Label, double[] Xs, double[] Ys) PerNode(NodeScreens node, string label, Func<LatencySummary, double> pick, int last)
    {
        var seconds = node.BySighting.Take(last + 1).ToArray();
        return (label, [.. seconds.Select((_, i) => (double)i)], [.. seconds.Select(h => Or(h, pick))]);
    }

    private static bool NonZero((string Label, double[] Xs, double[] Ys) series) => series.Ys.Any(y => y > 0);

    private static IEnumerable<(string Label, double[] Xs, double[] Ys)> Series(ScenarioStats stats, params (string Label, Func<SecondBucket, double> Value)[] lines)
    {
        var seconds = stats.Seconds.Take(stats.LastSecond + 1).ToArray();
        var xs = seconds.Select((_, i) => (double)i).ToArray();
        foreach (var (label, value) in lines)
        {
            yield return (label, xs, seconds.Select(value).ToArray());
        }
    }

    private static void MarkFaults(Plot plot, PhaseResult phase)
    {
        if (phase.Nodes.Faults.Count > 0)
        {
            // Room above the data for the faults' labels, below the title.
            plot.Axes.Top.MinimumSize = 28;
        }

        foreach (var fault in phase.Nodes.Faults.Where(f => f.Started is not null))
        {
            var start = phase.Nodes.Warmup + fault.Started!.Value;
            var end = phase.Nodes.Warmup + Math.Max(fault.WindowEnd, fault.Started.Value + 0.5);
            var band = plot.Add.HorizontalSpan(start, end);
            band.FillColor = Colors.Red.WithAlpha(0.08);
            band.LineColor = Colors.Transparent;
            var line = plot.Add.VerticalLine(start);
            line.Color = Colors.Red;
            line.LineWidth = 1.5f;
            line.LabelText = fault.Fault;
            line.LabelOppositeAxis = true;
            line.LabelFontSize = 11;
        }
    }

    private static (string, byte[]) Chart(string title, string unit, PhaseResult phase, IEnumerable<(string Label, double[] Xs, double[] Ys)> lines)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var (label, xs, ys) in lines)
        {
            if (xs.Length == 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(xs, ys, palette.GetColor(i++));
            line.LegendText = label;
            line.LineWidth = 2;
        }

        var warmup = phase.Stats.Select(s => s.WarmupSeconds).DefaultIfEmpty(0).Max();
        if (warmup > 0)
        {
            var marker = plot.Add.VerticalLine(warmup);
            marker.LinePattern = LinePattern.Dashed;
            marker.Color = Colors.Gray;
            marker.LegendText = "end of warm-up";
        }

        MarkFaults(plot, phase);
        plot.Title(title);
        plot.XLabel("seconds since the phase started");
        plot.YLabel(unit);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return (title, plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }
}
