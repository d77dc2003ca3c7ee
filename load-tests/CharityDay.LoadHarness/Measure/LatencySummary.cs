namespace CharityDay.LoadHarness.Measure;

/// <summary>Latency figures in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double Min, double Mean, double P50, double P75, double P95, double P99, double Max)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0, 0);
}
