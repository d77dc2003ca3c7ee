using CharityDay.Contracts;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// The durable, append-only record of every pledge and void; the source of truth that desk grains
/// rebuild from and that the audit compares the live total against. Reads for the figures take the ledger
/// run (<see cref="EventDefinition.CurrentRun"/>) they count; the sums and pages of the audit and the
/// export are the real night's only. Sequences run on across runs, so a desk's last sequence is over all of them.
/// </summary>
public interface IPledgeLedger
{
    /// <summary>
    /// Writes the entries in one transaction. Entries whose (event, pledge id, kind) already exists are
    /// skipped, not failed; the result holds the keys that were written.
    /// </summary>
    Task<IReadOnlySet<(string PledgeId, LedgerEntryKind Kind)>> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Ids of every run are found: a rehearsal's id is never taken for a real pledge.</summary>
    Task<IReadOnlyDictionary<string, LedgerRecord>> FindAsync(string eventId, IReadOnlyCollection<string> pledgeIds, CancellationToken cancellationToken = default);

    /// <summary>The desk's subtotal and count in <paramref name="run"/>, and its last sequence in any run.</summary>
    Task<DeskTally> TallyDeskAsync(string eventId, string deskId, int run, CancellationToken cancellationToken = default);

    /// <summary>Every desk's position in one grouped query: what the total grain rebuilds from (as <see cref="TallyDeskAsync"/>).</summary>
    Task<IReadOnlyDictionary<string, DeskTally>> TallyDesksAsync(string eventId, int run, CancellationToken cancellationToken = default);

    /// <summary>The real night's sums (rehearsal rows left out): what the audit compares.</summary>
    Task<LedgerSums> SumAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>The newest confirmed (not voided) pledges of <paramref name="run"/>, newest first.</summary>
    Task<IReadOnlyList<FeedItem>> RecentAsync(string eventId, int count, int run, CancellationToken cancellationToken = default);

    /// <summary>A desk's newest pledges of <paramref name="run"/>, newest first, each with its void if it has one.</summary>
    Task<IReadOnlyList<LedgerRecord>> DeskPledgesAsync(string eventId, string deskId, int count, int run, CancellationToken cancellationToken = default);

    /// <summary>The real night's rows (rehearsal rows left out) in ledger order after <paramref name="afterEntryNo"/>.</summary>
    Task<IReadOnlyList<LedgerEntry>> PageAsync(string eventId, long afterEntryNo, int limit, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="PageAsync"/>, only the rows <paramref name="filter"/> matches.</summary>
    Task<IReadOnlyList<LedgerEntry>> SearchAsync(string eventId, LedgerFilter filter, long afterEntryNo, int limit, CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="filter"/> matches in the whole real night's ledger: its pledges and voids, counted and summed.</summary>
    Task<LedgerMatch> MatchAsync(string eventId, LedgerFilter filter, CancellationToken cancellationToken = default);
}
