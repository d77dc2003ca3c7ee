using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// What one live connection makes of the totals it receives, whichever client reads them off the wire:
/// the total it shows, pushes per second, version regressions, and a pledge-to-screen or pledge-to-phone
/// latency for every pushed pledge the harness sent. Both client kinds share it so their figures compare.
/// </summary>
internal sealed class PushObserver(bool isScreen, PledgeBook book, RunClock clock, ScenarioStats stats)
{
    private readonly Lock _gate = new();
    private long _lastPushVersion = -1;

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
        }

        return isScreen ? second.ScreenLatency : second.PhoneLatency;
    }

    /// <summary>One pledge id in a push received at <paramref name="at"/>; ids the harness did not send are not timed.</summary>
    public void Sighted(LatencyHistogram latency, long at, ReadOnlySpan<char> pledgeId)
    {
        if (book.TryGet(pledgeId, out var pledge))
        {
            latency.RecordMilliseconds(RunClock.Milliseconds(pledge.SentAt, at));
            pledge.MarkSeen(isScreen);
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
