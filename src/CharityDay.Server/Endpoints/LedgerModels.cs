using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Server.Endpoints;

/// <summary>One ledger row as the admin reads it.</summary>
public sealed record LedgerEntryView(
    long EntryNo, LedgerEntryKind Kind, string PledgeId, string DeskId, long Sequence, PledgeChannel Channel, long AmountFen,
    string DonorName, DonorKind DonorKind, bool Anonymous, string? Representative, string? Note, string Actor, DateTimeOffset RecordedAt)
{
    public static LedgerEntryView From(LedgerEntry entry) => new(
        entry.EntryNo, entry.Kind, entry.PledgeId, entry.DeskId, entry.Sequence, entry.Channel, entry.AmountFen, entry.DonorName,
        entry.DonorKind, entry.Anonymous, entry.Representative, entry.Note, entry.Actor, entry.RecordedAt);
}

/// <summary>
/// A page of the ledger; pass <see cref="NextAfter"/> as <c>after</c> for the next page (null at the end).
/// A search's page also says what the search matched in the whole ledger (<see cref="Match"/>; null without one).
/// </summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntryView> Entries, long? NextAfter, LedgerMatch? Match = null);

/// <summary>The ledger's sums beside the live total: they agree once pledges stop arriving.</summary>
public sealed record AuditReport(
    string EventId, long LedgerTotalFen, long LedgerPledgeCount, long LedgerEntryCount, long LiveTotalFen, long LivePledgeCount,
    long LiveVersion, bool Agrees, DateTimeOffset CheckedAt);
