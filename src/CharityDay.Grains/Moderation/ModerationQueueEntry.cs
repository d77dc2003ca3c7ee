using CharityDay.Contracts;

namespace CharityDay.Grains.Moderation;

/// <summary>
/// One pledge in the moderator's queue: what the donor typed (from the ledger) and where its name
/// stands. <see cref="Message"/> is an online donor's 留言; a stage pledge's note is the operator's and stays out.
/// </summary>
public sealed record ModerationQueueEntry(
    string PledgeId,
    PledgeChannel Channel,
    long AmountFen,
    string TypedName,
    DonorKind DonorKind,
    bool Anonymous,
    string? Message,
    DateTimeOffset RecordedAt,
    ModerationState State,
    string? DisplayName,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);
