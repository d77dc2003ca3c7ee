using System.Diagnostics.Metrics;

namespace CharityDay.Server.Telemetry;

/// <summary>
/// Meter <c>CharityDay.Api</c>: how long a pledge or donation waits for its acknowledgement, and how many
/// requests this node refused (4xx) or could not answer (5xx, "retry with the same id"). Recorded by
/// <see cref="AnswerMetricsMiddleware"/>; tags are route templates, channels and status codes only, never
/// a path, a name or a token, so <c>/metrics</c> can be read by anyone on the venue network.
/// </summary>
internal static class ApiMetrics
{
    private static readonly Meter Meter = new("CharityDay.Api");

    /// <summary>
    /// Bounds around what the load tests measured (p50 8–17 ms, p99 44–520 ms under load), with room
    /// above for a database that stalls: OpenTelemetry's default bounds are for milliseconds.
    /// </summary>
    private static readonly double[] AckBounds = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly Histogram<double> AckDuration = Meter.CreateHistogram(
        "charityday.api.ack_duration",
        unit: "s",
        description: "Time from a pledge or donation request arriving to its answer being sent, by channel (stage, online) and outcome",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AckBounds });

    public static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "charityday.api.refused", unit: "{request}", description: "Requests answered with a 4xx problem, by status code and route");

    public static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "charityday.api.failed", unit: "{request}", description: "Requests answered with a 5xx (503: retry with the same id), by status code and route");
}
