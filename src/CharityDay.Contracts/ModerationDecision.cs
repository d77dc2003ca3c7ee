namespace CharityDay.Contracts;

/// <summary>
/// A moderator's decision on one pledge's name and 留言, as stored. <see cref="DisplayName"/> replaces
/// the typed name on screen when set (a company's name corrected); the ledger keeps what was typed.
/// <see cref="Revision"/> is the event's moderation revision this decision made: a later decision on
/// the same pledge has a higher one, so the total grain keeps the newest whatever order they arrive in.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ModerationDecision(
    [property: Id(0)] string PledgeId,
    [property: Id(1)] ModerationState State,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] long Revision,
    [property: Id(4)] string DecidedBy,
    [property: Id(5)] DateTimeOffset DecidedAt);
