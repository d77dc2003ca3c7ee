using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// Every pledge id the harness sent in one phase, so viewers can find a pushed pledge's send time
/// and the correctness check can add up what the server acknowledged.
/// </summary>
internal sealed class PledgeBook
{
    private readonly string _idPrefix;
    private readonly ConcurrentDictionary<string, SentPledge> _pledges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SentPledge>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly List<(long AcknowledgedAt, long SentAt)> _acknowledgements = [];
    private long _next;

    public PledgeBook(string idPrefix)
    {
        _idPrefix = idPrefix;
        _byChars = _pledges.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _pledges.Count;

    public IEnumerable<SentPledge> All => _pledges.Values;

    /// <summary>A fresh id: the run's prefix and a counter, within the API's 8–64 characters.</summary>
    public string NextId() => _idPrefix + Interlocked.Increment(ref _next).ToString("D8", CultureInfo.InvariantCulture);

    public void Add(SentPledge pledge) => _pledges[pledge.Id] = pledge;

    public bool TryGet(string id, out SentPledge pledge) => _pledges.TryGetValue(id, out pledge!);

    /// <summary>The same look-up for an id still in a read buffer: a phone sights thousands a second, so no string per id.</summary>
    public bool TryGet(ReadOnlySpan<char> id, out SentPledge pledge) => _byChars.TryGetValue(id, out pledge!);

    /// <summary>A pledge's first acknowledgement, in the order they arrive: what <see cref="OldestUnshown"/> reads.</summary>
    public void NoteAcknowledged(SentPledge pledge)
    {
        lock (_acknowledgements)
        {
            _acknowledgements.Add((Stopwatch.GetTimestamp(), pledge.ScreenFrom));
        }
    }

    /// <summary>
    /// For a screen showing <paramref name="shownCount"/> pledges at <paramref name="now"/>: the send time of
    /// the first acknowledged pledge beyond that count (the oldest the screen cannot be showing yet), or null
    /// when the harness had not acknowledged more by then. Counts, not ids: a push names only a few pledges.
    /// </summary>
    public long? OldestUnshown(long shownCount, long now)
    {
        lock (_acknowledgements)
        {
            return shownCount < _acknowledgements.Count && _acknowledgements[(int)shownCount].AcknowledgedAt <= now
                ? _acknowledgements[(int)shownCount].SentAt
                : null;
        }
    }

    /// <summary>Sum and count of the distinct pledges the server acknowledged (201 or 200).</summary>
    public (long TotalFen, long Count) Acknowledged()
    {
        long total = 0, count = 0;
        foreach (var pledge in _pledges.Values.Where(p => p.Fate == PledgeFate.Acknowledged))
        {
            total += pledge.AmountFen;
            count++;
        }

        return (total, count);
    }
}
