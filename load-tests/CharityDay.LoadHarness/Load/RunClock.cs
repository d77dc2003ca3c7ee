using System.Diagnostics;

namespace CharityDay.LoadHarness.Load;

/// <summary>The time axis of one phase: every timestamp is a <see cref="Stopwatch"/> tick, every report second counts from <see cref="Origin"/>.</summary>
internal sealed class RunClock
{
    public long Origin { get; } = Stopwatch.GetTimestamp();

    public static long Now => Stopwatch.GetTimestamp();

    public double Seconds => SecondsAt(Stopwatch.GetTimestamp());

    public double SecondsAt(long timestamp) => (timestamp - Origin) / (double)Stopwatch.Frequency;

    public long TimestampAt(double seconds) => Origin + (long)(seconds * Stopwatch.Frequency);

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
