using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/events/{eventId}/pledges</c>: one placard typed at a stage desk.</summary>
public sealed record PledgeRequest(
    string? PledgeId, string? DeskId, long AmountFen, string? DonorName, DonorKind? DonorKind, bool Anonymous,
    string? Representative, string? Note);

/// <summary>Body of <c>POST /api/events/{eventId}/pledges/{pledgeId}/void</c>.</summary>
public sealed record VoidRequest(string? Reason);

/// <summary>A pledge as the ledger recorded it.</summary>
public sealed record PledgeView(
    string PledgeId, string EventId, string DeskId, PledgeChannel Channel, long AmountFen, string DonorName,
    DonorKind DonorKind, bool Anonymous, string? Representative, string? Note, long Sequence, DateTimeOffset RecordedAt,
    PledgeStatus Status)
{
    public static PledgeView From(string eventId, RecordedPledge pledge) => new(
        pledge.Draft.PledgeId, eventId, pledge.Draft.DeskId, pledge.Draft.Channel, pledge.Draft.AmountFen,
        pledge.Draft.DonorName, pledge.Draft.DonorKind, pledge.Draft.Anonymous, pledge.Draft.Representative,
        pledge.Draft.Note, pledge.Sequence, pledge.RecordedAt, pledge.Status);
}

/// <summary>A pledge in its desk's list, with the void if there is one.</summary>
public sealed record DeskPledgeView(PledgeView Pledge, string? VoidReason, string? VoidedBy, DateTimeOffset? VoidedAt);

/// <summary>A voided pledge with the void that cancelled it.</summary>
public sealed record VoidView(PledgeView Pledge, string Reason, string VoidedBy, DateTimeOffset VoidedAt);
