using HdrHistogram;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// Latencies in microseconds in an HdrHistogram (3 significant digits, up to 10 minutes), safe to
/// record from many threads, with exact minimum and maximum beside it.
/// </summary>
internal sealed class LatencyHistogram
{
    private const long Highest = 600_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, Highest, 3);
    private long _min = long.MaxValue;
    private long _max;

    public long Count => _histogram.TotalCount;

    public void RecordMilliseconds(double milliseconds)
    {
        var micros = Math.Clamp((long)(milliseconds * 1000), 1, Highest);
        _histogram.RecordValue(micros);
        InterlockedMin(ref _min, micros);
        InterlockedMax(ref _max, micros);
    }

    public void Add(LatencyHistogram other)
    {
        if (other.Count == 0)
        {
            return;
        }

        _histogram.Add(other._histogram);
        InterlockedMin(ref _min, Volatile.Read(ref other._min));
        InterlockedMax(ref _max, Volatile.Read(ref other._max));
    }

    public LatencySummary Summary() => Count == 0
        ? LatencySummary.Empty
        : new LatencySummary(
            Count,
            Volatile.Read(ref _min) / 1000.0,
            _histogram.GetMean() / 1000.0,
            Percentile(50),
            Percentile(75),
            Percentile(95),
            Percentile(99),
            Volatile.Read(ref _max) / 1000.0);

    /// <summary>HdrHistogram answers a bucket's highest equivalent value; never more than the exact maximum.</summary>
    private double Percentile(double percentile) => Math.Min(_histogram.GetValueAtPercentile(percentile), Volatile.Read(ref _max)) / 1000.0;

    private static void InterlockedMin(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (value < seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }
}
