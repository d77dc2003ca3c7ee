using CharityDay.Contracts;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// One row of the append-only ledger. A void repeats the pledge's donor fields, carries the negated
/// amount, the reason in <see cref="Note"/> and who voided it in <see cref="Actor"/>.
/// </summary>
public sealed record LedgerEntry(
    long EntryNo,
    string EventId,
    string DeskId,
    long Sequence,
    LedgerEntryKind Kind,
    string PledgeId,
    PledgeChannel Channel,
    long AmountFen,
    string DonorName,
    DonorKind DonorKind,
    bool Anonymous,
    string? Representative,
    string? Note,
    string Actor,
    DateTimeOffset RecordedAt)
{
    public static LedgerEntry ForPledge(string eventId, RecordedPledge pledge) => new(
        0, eventId, pledge.Draft.DeskId, pledge.Sequence, LedgerEntryKind.Pledge, pledge.Draft.PledgeId,
        pledge.Draft.Channel, pledge.Draft.AmountFen, pledge.Draft.DonorName, pledge.Draft.DonorKind,
        pledge.Draft.Anonymous, pledge.Draft.Representative, pledge.Draft.Note, pledge.Draft.RecordedBy,
        pledge.RecordedAt);

    public static LedgerEntry ForVoid(string eventId, RecordedPledge pledge, long sequence, string reason, string voidedBy, DateTimeOffset at) => new(
        0, eventId, pledge.Draft.DeskId, sequence, LedgerEntryKind.Void, pledge.Draft.PledgeId,
        pledge.Draft.Channel, -pledge.Draft.AmountFen, pledge.Draft.DonorName, pledge.Draft.DonorKind,
        pledge.Draft.Anonymous, pledge.Draft.Representative, reason, voidedBy, at);

    /// <summary>The pledge as its sender sent it; valid on a pledge row only.</summary>
    public RecordedPledge ToPledge(PledgeStatus status) => new(
        new PledgeDraft(PledgeId, DeskId, Channel, AmountFen, DonorName, DonorKind, Anonymous, Representative, Note, Actor),
        Sequence,
        RecordedAt,
        status);
}
