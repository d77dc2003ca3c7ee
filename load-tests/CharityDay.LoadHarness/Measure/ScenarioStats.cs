using CharityDay.LoadHarness.Scenarios;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// One scenario's figures in one phase, second by second (by completion time). Seconds inside the
/// warm-up are kept for the CSV but left out of every total.
/// </summary>
internal sealed class ScenarioStats(string name, ScenarioKind kind, double warmupSeconds, double totalSeconds)
{
    private readonly SecondBucket[] _seconds = [.. Enumerable.Range(0, (int)Math.Ceiling(totalSeconds) + 120).Select(_ => new SecondBucket())];
    private long _reconnects;
    private long _dropped;
    private long _versionRegressions;
    private long _pledges;
    private long _firstAttemptFailures;
    private long _retryAttempts;
    private long _acknowledgedAfterRetry;
    private long _unresolved;

    public string Name { get; } = name;

    public ScenarioKind Kind { get; } = kind;

    /// <summary>Holds SignalR connections (phones or big screens) instead of sending requests.</summary>
    public bool IsAudience => Kind is ScenarioKind.Viewers or ScenarioKind.Screens;

    public double WarmupSeconds { get; } = warmupSeconds;

    /// <summary>The measured window: from the end of the warm-up to the end of the simulation.</summary>
    public double MeasuredSeconds { get; } = Math.Max(totalSeconds - warmupSeconds, 0.001);

    public int LastSecond { get; private set; }

    public long Reconnects => Volatile.Read(ref _reconnects);

    public long Dropped => Volatile.Read(ref _dropped);

    public long VersionRegressions => Volatile.Read(ref _versionRegressions);

    public IReadOnlyList<SecondBucket> Seconds => _seconds;

    /// <summary>What the retries of the measured window's pledges came to: first sends against final outcomes.</summary>
    public RetryFigures Retries => new(
        Volatile.Read(ref _pledges), Volatile.Read(ref _firstAttemptFailures), Volatile.Read(ref _retryAttempts),
        Volatile.Read(ref _acknowledgedAfterRetry), Volatile.Read(ref _unresolved));

    public SecondBucket At(double seconds)
    {
        var index = Math.Clamp((int)seconds, 0, _seconds.Length - 1);
        if (index > LastSecond)
        {
            LastSecond = index;
        }

        return _seconds[index];
    }

    public bool IsWarmup(int second) => second < (int)Math.Floor(WarmupSeconds);

    public void CountReconnect() => Interlocked.Increment(ref _reconnects);

    public void AddDropped(long count) => Interlocked.Add(ref _dropped, count);

    public void CountVersionRegression() => Interlocked.Increment(ref _versionRegressions);

    public void CountRetryAttempt() => Interlocked.Increment(ref _retryAttempts);

    /// <summary>A pledge's sends are over (for the run): counted unless it was sent in the warm-up.</summary>
    public void CountOutcome(SentPledge pledge, double sentSecond)
    {
        if (IsWarmup((int)sentSecond))
        {
            return;
        }

        Interlocked.Increment(ref _pledges);
        if (pledge.FirstAttemptFailed)
        {
            Interlocked.Increment(ref _firstAttemptFailures);
            if (pledge.Fate == PledgeFate.Acknowledged)
            {
                Interlocked.Increment(ref _acknowledgedAfterRetry);
            }
        }

        if (pledge.Fate is PledgeFate.Unknown or PledgeFate.Pending)
        {
            Interlocked.Increment(ref _unresolved);
        }
    }

    /// <summary>Every measured second's bucket (warm-up seconds excluded).</summary>
    public IEnumerable<SecondBucket> Measured() => _seconds.Take(LastSecond + 1).Where((_, second) => !IsWarmup(second));
}
