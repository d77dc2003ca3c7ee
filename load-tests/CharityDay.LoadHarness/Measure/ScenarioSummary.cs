using CharityDay.LoadHarness.Scenarios;

namespace CharityDay.LoadHarness.Measure;

/// <summary>A scenario's figures over the measured window of a phase (warm-up left out).</summary>
internal sealed record ScenarioSummary(
    string Name,
    ScenarioKind Kind,
    double Seconds,
    long Requests,
    long Ok,
    long Failed,
    long Created,
    IReadOnlyList<(int Status, long Count)> Statuses,
    double OkPerSecond,
    double CreatedPerSecond,
    LatencySummary Latency,
    long BytesSent,
    long BytesReceived,
    long Dropped,
    long MaxConnections,
    long Pushes,
    long Reconnects,
    long VersionRegressions,
    LatencySummary ScreenLatency,
    LatencySummary PhoneLatency,
    RetryFigures Retries)
{
    public bool IsAudience => Kind is ScenarioKind.Viewers or ScenarioKind.Screens;

    /// <summary>The figure an audience's connections measure: pledge-to-screen for screens, pledge-to-phone for phones.</summary>
    public LatencySummary SightLatency => Kind == ScenarioKind.Screens ? ScreenLatency : PhoneLatency;

    public double FailedPercent => Requests == 0 ? 0 : 100.0 * Failed / Requests;

    public double PushesPerSecond => Pushes / Seconds;

    public static ScenarioSummary From(ScenarioStats stats)
    {
        var latency = new LatencyHistogram();
        var screen = new LatencyHistogram();
        var phone = new LatencyHistogram();
        var statuses = new Dictionary<int, long>();
        long ok = 0, failed = 0, created = 0, sent = 0, received = 0, pushes = 0, connections = 0;
        foreach (var second in stats.Measured())
        {
            latency.Add(second.Latency);
            screen.Add(second.ScreenLatency);
            phone.Add(second.PhoneLatency);
            ok += second.Ok;
            failed += second.Failed;
            created += second.Created;
            sent += second.BytesSent;
            received += second.BytesReceived;
            pushes += second.Pushes;
            connections = Math.Max(connections, second.Connections);
            foreach (var (status, count) in second.Statuses())
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }
        }

        var seconds = stats.MeasuredSeconds;
        return new ScenarioSummary(
            stats.Name, stats.Kind, seconds, ok + failed, ok, failed + stats.Dropped, created,
            [.. statuses.OrderBy(s => s.Key).Select(s => (s.Key, s.Value))],
            ok / seconds, created / seconds, latency.Summary(), sent, received, stats.Dropped,
            connections, pushes, stats.Reconnects, stats.VersionRegressions, screen.Summary(), phone.Summary(), stats.Retries);
    }

    public string StatusText => string.Join(" ", Statuses.Select(s => $"{(s.Status == 0 ? "error" : s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}×{s.Count}"))
        + (Dropped > 0 ? $" dropped×{Dropped}" : "");
}
