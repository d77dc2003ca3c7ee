using CharityDay.Contracts;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// The durable, append-only record of every pledge and void; the source of truth that desk grains
/// rebuild from and that the audit compares the live total against.
/// </summary>
public interface IPledgeLedger
{
    /// <summary>
    /// Writes the entries in one transaction. Entries whose (event, pledge id, kind) already exists are
    /// skipped, not failed; the result holds the keys that were written.
    /// </summary>
    Task<IReadOnlySet<(string PledgeId, LedgerEntryKind Kind)>> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, LedgerRecord>> FindAsync(string eventId, IReadOnlyCollection<string> pledgeIds, CancellationToken cancellationToken = default);

    Task<DeskTally> TallyDeskAsync(string eventId, string deskId, CancellationToken cancellationToken = default);

    /// <summary>Every desk's position in one grouped query: what the total grain rebuilds from.</summary>
    Task<IReadOnlyDictionary<string, DeskTally>> TallyDesksAsync(string eventId, CancellationToken cancellationToken = default);

    Task<LedgerSums> SumAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>The newest confirmed (not voided) pledges, newest first.</summary>
    Task<IReadOnlyList<FeedItem>> RecentAsync(string eventId, int count, CancellationToken cancellationToken = default);

    /// <summary>A desk's newest pledges, newest first, each with its void if it has one.</summary>
    Task<IReadOnlyList<LedgerRecord>> DeskPledgesAsync(string eventId, string deskId, int count, CancellationToken cancellationToken = default);

    /// <summary>Rows in ledger order after <paramref name="afterEntryNo"/>.</summary>
    Task<IReadOnlyList<LedgerEntry>> PageAsync(string eventId, long afterEntryNo, int limit, CancellationToken cancellationToken = default);
}
