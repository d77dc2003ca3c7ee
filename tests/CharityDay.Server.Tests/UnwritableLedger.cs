using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Server.Tests;

/// <summary>
/// The real ledger with its writes failing, as when the database goes away mid-show: reads still work,
/// so events open, and every pledge is answered 503 "retry with the same id".
/// </summary>
internal sealed class UnwritableLedger(IPledgeLedger ledger) : IPledgeLedger
{
    public Task<IReadOnlySet<(string PledgeId, LedgerEntryKind Kind)>> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The test's database takes no writes.");

    public Task<IReadOnlyDictionary<string, LedgerRecord>> FindAsync(string eventId, IReadOnlyCollection<string> pledgeIds, CancellationToken cancellationToken = default) =>
        ledger.FindAsync(eventId, pledgeIds, cancellationToken);

    public Task<DeskTally> TallyDeskAsync(string eventId, string deskId, int run, CancellationToken cancellationToken = default) =>
        ledger.TallyDeskAsync(eventId, deskId, run, cancellationToken);

    public Task<IReadOnlyDictionary<string, DeskTally>> TallyDesksAsync(string eventId, int run, CancellationToken cancellationToken = default) =>
        ledger.TallyDesksAsync(eventId, run, cancellationToken);

    public Task<LedgerSums> SumAsync(string eventId, CancellationToken cancellationToken = default) => ledger.SumAsync(eventId, cancellationToken);

    public Task<IReadOnlyList<FeedItem>> RecentAsync(string eventId, int count, int run, CancellationToken cancellationToken = default) =>
        ledger.RecentAsync(eventId, count, run, cancellationToken);

    public Task<IReadOnlyList<LedgerRecord>> DeskPledgesAsync(string eventId, string deskId, int count, int run, CancellationToken cancellationToken = default) =>
        ledger.DeskPledgesAsync(eventId, deskId, count, run, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> SearchAsync(string eventId, LedgerFilter filter, long afterEntryNo, int limit, CancellationToken cancellationToken = default) =>
        ledger.SearchAsync(eventId, filter, afterEntryNo, limit, cancellationToken);

    public Task<LedgerMatch> MatchAsync(string eventId, LedgerFilter filter, CancellationToken cancellationToken = default) =>
        ledger.MatchAsync(eventId, filter, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> PageAsync(string eventId, long afterEntryNo, int limit, CancellationToken cancellationToken = default) =>
        ledger.PageAsync(eventId, afterEntryNo, limit, cancellationToken);
}
