using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// Every send of the run's real pledges, per channel (each stage desk, and the online channel), with its
/// start, its answer's time and status: what a fault's recovery time is read from. Seconds are phase
/// seconds (warm-up included), as everywhere in the per-second figures.
/// </summary>
internal sealed class ChannelActivity(RunClock clock, IReadOnlyList<string> deskIds)
{
    /// <summary>A send this long without an answer counts as the desk not being acknowledged, even if it then succeeds.</summary>
    public const double StallSeconds = 1.0;

    private readonly List<Send>[] _sends = [.. Enumerable.Range(0, deskIds.Count + 1).Select(_ => new List<Send>())];

    /// <summary>The channels: every desk id, then <c>online</c>.</summary>
    public IReadOnlyList<string> Names { get; } = [.. deskIds, "online"];

    public int OnlineChannel => Names.Count - 1;

    /// <summary>The latest answer of any send (phase seconds).</summary>
    public double LastAnswer
    {
        get
        {
            var last = 0.0;
            foreach (var sends in _sends)
            {
                lock (sends)
                {
                    last = sends.Count == 0 ? last : Math.Max(last, sends.Max(s => s.End));
                }
            }

            return last;
        }
    }

    /// <summary>One send of <paramref name="channel"/>, from its start to its answer (Stopwatch timestamps).</summary>
    public void Record(int channel, long startedAt, long endedAt, int status)
    {
        var sends = _sends[channel];
        lock (sends)
        {
            sends.Add(new Send(clock.SecondsAt(startedAt), clock.SecondsAt(endedAt), status));
        }
    }

    /// <summary>The sends of <paramref name="channel"/> answered at or after <paramref name="from"/> and started before <paramref name="until"/>.</summary>
    public IReadOnlyList<Send> Sends(int channel, double from, double until)
    {
        var sends = _sends[channel];
        lock (sends)
        {
            return [.. sends.Where(s => s.End >= from && s.Start < until).OrderBy(s => s.End)];
        }
    }

    /// <summary>
    /// When <paramref name="channel"/> was acknowledged again after a fault at <paramref name="fault"/>: the
    /// first 2xx after its last failed send (5xx, 429, no answer), or the answer to a send held longer than
    /// <see cref="StallSeconds"/>, whichever is later; answers after <paramref name="until"/> (the next fault)
    /// do not count. Returns (false, null) when the channel never stalled or failed, (true, null) when it did
    /// and no acknowledgement came in time.
    /// </summary>
    public (bool Hit, double? AcknowledgedAt) RecoveredAt(int channel, double fault, double until)
    {
        var sends = Sends(channel, fault, until);
        // A send that fails only after the next fault began is that fault's.
        var lastFailure = sends.Where(s => SentPledge.IsRetryable(s.Status) && s.End < until).Select(s => (double?)s.End).Max();
        var lastStall = sends.Where(s => s.IsOk && s.End - Math.Max(s.Start, fault) > StallSeconds && s.End < until).Select(s => (double?)s.End).Max();
        if (lastFailure is null && lastStall is null)
        {
            return (false, null);
        }

        double? afterFailure = lastFailure is { } failed
            ? sends.Where(s => s.IsOk && s.End >= failed && s.End < until).Select(s => (double?)s.End).FirstOrDefault()
            : lastStall;
        return afterFailure is null ? (true, null) : (true, Math.Max(afterFailure.Value, lastStall ?? 0));
    }

    /// <summary>One send: phase seconds of its start and answer, and the status (0: no answer).</summary>
    internal readonly record struct Send(double Start, double End, int Status)
    {
        public bool IsOk => Status is >= 200 and < 300;
    }
}
