using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// What one live connection makes of the totals it receives, whichever client reads them off the wire:
/// the total it shows, pushes per second, version regressions, and a pledge-to-screen or pledge-to-phone
/// latency for every pushed pledge the harness sent, and for a big screen the figures of its node
/// (<paramref name="node"/>). Both client kinds share it so their figures compare.
/// </summary>
internal sealed class PushObserver(bool isScreen, PledgeBook book, RunClock clock, ScenarioStats stats, NodeScreens? node = null)
{
    private readonly Lock _gate = new();
    private long _lastPushVersion = -1;
    private long _lastPushAt;
    private long _longestGap;
    private int _reconnects;

    /// <summary>The figures of the big screens on this connection's hub target; null for a phone.</summary>
    public NodeScreens? Node => node;

    /// <summary>Times this connection came back after losing the server.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>The longest wait between two pushes to this connection (a lost connection's time included).</summary>
    public double LongestPushGapMs => RunClock.Milliseconds(0, Volatile.Read(ref _longestGap));

    /// <summary>The newest total the connection shows (from a push or a snapshot).</summary>
    public ViewerTotal? Shown { get; private set; }

    /// <summary>A snapshot after a (re)connect: shown unless a push already brought something newer.</summary>
    public void Show(long version, long totalFen, long pledgeCount)
    {
        lock (_gate)
        {
            ShowLocked(version, totalFen, pledgeCount);
        }
    }

    public void CountReconnect()
    {
        Interlocked.Increment(ref _reconnects);
        stats.CountReconnect();
    }

    /// <summary>Counts a push received at <paramref name="at"/> and shows its total; its pledges go to the histogram returned.</summary>
    public LatencyHistogram Pushed(long at, long version, long totalFen, long pledgeCount)
    {
        var second = stats.At(clock.SecondsAt(at));
        second.RecordPush(0);
        lock (_gate)
        {
            // Pushes of one connection arrive in order; an older version after a newer one is a bug to report.
            if (version < _lastPushVersion)
            {
                stats.CountVersionRegression();
            }

            _lastPushVersion = Math.Max(_lastPushVersion, version);
            ShowLocked(version, totalFen, pledgeCount);
            if (_lastPushAt != 0 && at - _lastPushAt > _longestGap)
            {
                _longestGap = at - _lastPushAt;
                node?.PushGap(RunClock.Milliseconds(0, _longestGap));
            }

            _lastPushAt = at;
        }

        return isScreen ? second.ScreenLatency : second.PhoneLatency;
    }

    /// <summary>One pledge id in a push received at <paramref name="at"/>; ids the harness did not send are not timed.</summary>
    public void Sighted(LatencyHistogram latency, long at, ReadOnlySpan<char> pledgeId)
    {
        if (book.TryGet(pledgeId, out var pledge))
        {
            latency.RecordMilliseconds(RunClock.Milliseconds(pledge.ScreenFrom, at));
            pledge.MarkSeen(isScreen);
            node?.Sighted(pledge, at);
        }
    }

    private void ShowLocked(long version, long totalFen, long pledgeCount)
    {
        if (Shown is null || version >= Shown.Version)
        {
            Shown = new ViewerTotal(version, totalFen, pledgeCount, null);
        }
    }
}
