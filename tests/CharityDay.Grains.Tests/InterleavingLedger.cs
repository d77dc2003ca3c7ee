using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Tests;

/// <summary>
/// The real SQL ledger, with a seam a test can use to run something between a desk's look-up and
/// its insert: the window in which another desk can take the same pledge id.
/// </summary>
public sealed class InterleavingLedger(IPledgeLedger inner) : IPledgeLedger
{
    private Func<IReadOnlyList<LedgerEntry>, Task>? _beforeNextAppend;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _recentHeld = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="action"/> once, before the next append that holds an entry for the pledge id.</summary>
    public void BeforeAppendOf(string pledgeId, Func<Task> action) =>
        _beforeNextAppend = async entries =>
        {
            if (entries.Any(e => e.PledgeId == pledgeId) && Interlocked.Exchange(ref _beforeNextAppend, null) is not null)
            {
                await action();
            }
        };

    public async Task<IReadOnlySet<(string PledgeId, LedgerEntryKind Kind)>> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _beforeNextAppend) is { } hook)
        {
            await hook(entries);
        }

        return await inner.AppendAsync(entries, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, LedgerRecord>> FindAsync(string eventId, IReadOnlyCollection<string> pledgeIds, CancellationToken cancellationToken = default) =>
        inner.FindAsync(eventId, pledgeIds, cancellationToken);

    public Task<DeskTally> TallyDeskAsync(string eventId, string deskId, int run, CancellationToken cancellationToken = default) =>
        inner.TallyDeskAsync(eventId, deskId, run, cancellationToken);

    public Task<IReadOnlyDictionary<string, DeskTally>> TallyDesksAsync(string eventId, int run, CancellationToken cancellationToken = default) =>
        inner.TallyDesksAsync(eventId, run, cancellationToken);

    public Task<LedgerSums> SumAsync(string eventId, CancellationToken cancellationToken = default) =>
        inner.SumAsync(eventId, cancellationToken);

    public async Task<IReadOnlyList<FeedItem>> RecentAsync(string eventId, int count, int run, CancellationToken cancellationToken = default)
    {
        if (_recentHeld.TryGetValue(eventId, out var held))
        {
            await held.WaitAsync(cancellationToken);
        }

        return await inner.RecentAsync(eventId, count, run, cancellationToken);
    }

    /// <summary>The event's newest-entries query waits for <paramref name="release"/>: a ledger slow at the worst moment.</summary>
    public void HoldRecentOf(string eventId, Task release) => _recentHeld[eventId] = release;

    public Task<IReadOnlyList<LedgerRecord>> DeskPledgesAsync(string eventId, string deskId, int count, int run, CancellationToken cancellationToken = default) =>
        inner.DeskPledgesAsync(eventId, deskId, count, run, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> SearchAsync(string eventId, LedgerFilter filter, long afterEntryNo, int limit, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(eventId, filter, afterEntryNo, limit, cancellationToken);

    public Task<LedgerMatch> MatchAsync(string eventId, LedgerFilter filter, CancellationToken cancellationToken = default) =>
        inner.MatchAsync(eventId, filter, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> PageAsync(string eventId, long afterEntryNo, int limit, CancellationToken cancellationToken = default) =>
        inner.PageAsync(eventId, afterEntryNo, limit, cancellationToken);
}
