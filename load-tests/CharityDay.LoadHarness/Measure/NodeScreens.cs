using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// What the big screens connected to one <see cref="HubTarget"/> measured in one phase: pledge-to-screen
/// latency per second (by sighting), the worst pledge-to-screen and ack-to-screen latency by the second
/// the pledge was sent (so a fault's window finds the pledges sent while it lasted), the longest gap
/// between two pushes to one screen, and staleness: sampled while a screen is connected, how long the
/// oldest acknowledged pledge it cannot be showing yet has been waiting since it was sent. A frozen screen
/// sights no pledge at all, so only staleness shows a freeze in milliseconds.
/// </summary>
internal sealed class NodeScreens(HubTarget target, RunClock clock, double warmupSeconds, double totalSeconds)
{
    private readonly LatencyHistogram[] _bySighting = [.. Enumerable.Range(0, (int)Math.Ceiling(totalSeconds) + 120).Select(_ => new LatencyHistogram())];
    private readonly long[] _worstBySent = new long[(int)Math.Ceiling(totalSeconds) + 120];
    private readonly long[] _worstAckBySent = new long[(int)Math.Ceiling(totalSeconds) + 120];
    private readonly long[] _staleBySample = new long[(int)Math.Ceiling(totalSeconds) + 120];
    private long _longestGapMicros;

    public HubTarget Target { get; } = target;

    /// <summary>Pledge-to-screen latencies of the screens on this target, by the second they were seen.</summary>
    public IReadOnlyList<LatencyHistogram> BySighting => _bySighting;

    public double LongestPushGapMs => Volatile.Read(ref _longestGapMicros) / 1000.0;

    /// <summary>A pledge seen at <paramref name="at"/> on a screen of this target.</summary>
    public void Sighted(SentPledge pledge, long at)
    {
        var latency = RunClock.Milliseconds(pledge.ScreenFrom, at);
        _bySighting[Index(clock.SecondsAt(at))].RecordMilliseconds(latency);
        var sent = Index(clock.SecondsAt(pledge.ScreenFrom));
        Max(ref _worstBySent[sent], (long)(latency * 1000));
        // The push may overtake the HTTP answer: then the screen was not behind the acknowledgement at all.
        var acknowledged = pledge.AcknowledgedAt;
        Max(ref _worstAckBySent[sent], acknowledged == 0 ? 0 : Math.Max(0, (long)(RunClock.Milliseconds(acknowledged, at) * 1000)));
    }

    /// <summary>A connected screen of this target sampled at <paramref name="at"/>, <paramref name="milliseconds"/> behind.</summary>
    public void Stale(long at, double milliseconds) => Max(ref _staleBySample[Index(clock.SecondsAt(at))], (long)(milliseconds * 1000));

    /// <summary>The worst staleness (ms) sampled in phase seconds [from, to); 0 when never behind.</summary>
    public double WorstStaleIn(int from, int to)
    {
        long worst = 0;
        for (var second = Math.Max(0, from); second < Math.Min(to, _staleBySample.Length); second++)
        {
            worst = Math.Max(worst, Volatile.Read(ref _staleBySample[second]));
        }

        return worst / 1000.0;
    }

    /// <summary>The worst staleness (ms) sampled after the warm-up.</summary>
    public double WorstStale => WorstStaleIn((int)Math.Floor(warmupSeconds), int.MaxValue);

    /// <summary>The worst staleness of each phase second, for the charts.</summary>
    public double StaleAt(int second) => second < _staleBySample.Length ? Volatile.Read(ref _staleBySample[second]) / 1000.0 : 0;

    /// <summary>A screen of this target went <paramref name="milliseconds"/> without a push.</summary>
    public void PushGap(double milliseconds) => Max(ref _longestGapMicros, (long)(milliseconds * 1000));

    /// <summary>Every sighting after the warm-up.</summary>
    public LatencySummary Measured()
    {
        var all = new LatencyHistogram();
        for (var second = (int)Math.Floor(warmupSeconds); second < _bySighting.Length; second++)
        {
            all.Add(_bySighting[second]);
        }

        return all.Summary();
    }

    /// <summary>The worst pledge-to-screen and ack-to-screen latency (ms) of pledges sent in seconds [from, to); null when none was seen.</summary>
    public (double PledgeToScreen, double AckToScreen)? WorstSentIn(int from, int to)
    {
        long worst = -1, worstAck = 0;
        for (var second = Math.Max(0, from); second < Math.Min(to, _worstBySent.Length); second++)
        {
            var value = Volatile.Read(ref _worstBySent[second]);
            if (value > 0)
            {
                worst = Math.Max(worst, value);
                worstAck = Math.Max(worstAck, Volatile.Read(ref _worstAckBySent[second]));
            }
        }

        return worst < 0 ? null : (worst / 1000.0, worstAck / 1000.0);
    }

    private int Index(double seconds) => Math.Clamp((int)seconds, 0, _bySighting.Length - 1);

    private static void Max(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }
}
