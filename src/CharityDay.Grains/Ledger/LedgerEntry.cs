using CharityDay.Contracts;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// One row of the append-only ledger. A void repeats the pledge's donor fields, carries the negated
/// amount, the reason in <see cref="Note"/> and who voided it in <see cref="Actor"/>. <see cref="Run"/> is
/// <see cref="EventDefinition.LiveRun"/> for the real night and a rehearsal's number for a rehearsal row,
/// which no real total, export or audit counts (a void takes its pledge's run).
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
    DateTimeOffset RecordedAt,
    int Run = EventDefinition.LiveRun)
{
    public static LedgerEntry ForPledge(string eventId, RecordedPledge pledge, int run) => new(
        0, eventId, pledge.Draft.DeskId, pledge.Sequence, LedgerEntryKind.Pledge, pledge.Draft.PledgeId,
        pledge.Draft.Channel, pledge.Draft.AmountFen, pledge.Draft.DonorName, pledge.Draft.DonorKind,
        pledge.Draft.Anonymous, pledge.Draft.Representative, pledge.Draft.Note, pledge.Draft.RecordedBy,
        pledge.RecordedAt, run);

    public static LedgerEntry ForVoid(string eventId, LedgerEntry pledge, long sequence, string reason, string voidedBy, DateTimeOffset at) => new(
        0, eventId, pledge.DeskId, sequence, LedgerEntryKind.Void, pledge.PledgeId,
        pledge.Channel, -pledge.AmountFen, pledge.DonorName, pledge.DonorKind,
        pledge.Anonymous, pledge.Representative, reason, voidedBy, at, pledge.Run);

    /// <summary>The pledge as its sender sent it; valid on a pledge row only.</summary>
    public RecordedPledge ToPledge(PledgeStatus status) => new(
        new PledgeDraft(PledgeId, DeskId, Channel, AmountFen, DonorName, DonorKind, Anonymous, Representative, Note, Actor),
        Sequence,
        RecordedAt,
        status);
}
