using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// Second by second, whether each stage desk and the online channel was being acknowledged: the basis of a
/// fault's recovery time. A channel is waiting in a second when it got no 2xx in it and either a send of
/// it failed (5xx, 429, no answer) or one of its sends was outstanding for the whole second. A request that
/// merely spans a second boundary and succeeds is not waiting, so a quiet desk with think time stays fine.
/// </summary>
internal sealed class ChannelActivity
{
    private readonly RunClock _clock;
    private readonly int _seconds;
    private readonly int[] _ok;
    private readonly int[] _failed;
    private readonly int[] _held;
    private int _lastSecond = -1;

    public ChannelActivity(RunClock clock, IReadOnlyList<string> deskIds, double totalSeconds)
    {
        _clock = clock;
        Names = [.. deskIds, "online"];
        _seconds = (int)Math.Ceiling(totalSeconds) + 120;
        _ok = new int[Names.Count * _seconds];
        _failed = new int[Names.Count * _seconds];
        _held = new int[Names.Count * _seconds];
    }

    /// <summary>The channels: every desk id, then <c>online</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    public int OnlineChannel => Names.Count - 1;

    /// <summary>The last second in which any send of the run ended.</summary>
    public int LastSecond => Volatile.Read(ref _lastSecond);

    /// <summary>One send of <paramref name="channel"/>, from its start to its answer (Stopwatch timestamps).</summary>
    public void Record(int channel, long startedAt, long endedAt, int status)
    {
        var end = Second(_clock.SecondsAt(endedAt));
        var row = channel * _seconds;
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _ok[row + end]);
        }
        else if (SentPledge.IsRetryable(status))
        {
            Interlocked.Increment(ref _failed[row + end]);
        }

        // Every second lying wholly inside the send: the channel heard nothing back through it.
        var from = _clock.SecondsAt(startedAt);
        for (var second = Second(Math.Ceiling(from)); second + 1 <= _clock.SecondsAt(endedAt) && second < _seconds; second++)
        {
            Volatile.Write(ref _held[row + second], 1);
        }

        var last = Volatile.Read(ref _lastSecond);
        while (end > last && Interlocked.CompareExchange(ref _lastSecond, end, last) is var seen && seen != last)
        {
            last = seen;
        }
    }

    /// <summary>The channels waiting in <paramref name="second"/>: no 2xx, and a failure or a send held all second.</summary>
    public IEnumerable<string> Waiting(int second)
    {
        if (second < 0 || second >= _seconds)
        {
            yield break;
        }

        for (var channel = 0; channel < Names.Count; channel++)
        {
            var at = (channel * _seconds) + second;
            if (Volatile.Read(ref _ok[at]) == 0 && (Volatile.Read(ref _failed[at]) > 0 || Volatile.Read(ref _held[at]) != 0))
            {
                yield return Names[channel];
            }
        }
    }

    /// <summary>Every channel that sent in <paramref name="second"/> got a 2xx (or had nothing out).</summary>
    public bool AllAcknowledged(int second) => !Waiting(second).Any();

    private int Second(double seconds) => Math.Clamp((int)seconds, 0, _seconds - 1);
}
