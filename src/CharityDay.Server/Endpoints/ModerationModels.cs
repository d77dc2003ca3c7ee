using CharityDay.Contracts;
using CharityDay.Grains.Moderation;

namespace CharityDay.Server.Endpoints;

/// <summary>What the moderator does with a name: show it as typed, keep it off the wall, or show it corrected.</summary>
public enum ModerationAction
{
    Approve = 0,
    Hide = 1,
    Rename = 2,
}

/// <summary>Body of <c>POST /api/events/{eventId}/moderation/{pledgeId}</c>: <see cref="DisplayName"/> with <c>rename</c> only.</summary>
public sealed record ModerationRequest(ModerationAction? Action, string? DisplayName);

/// <summary>Body of <c>PUT /api/events/{eventId}/moderation/settings</c>.</summary>
public sealed record ModerationSettingsRequest(bool? ModerateStageNames);

/// <summary>The admin's moderation settings: whether stage names wait for the moderator too (online names always do).</summary>
public sealed record ModerationSettingsView(bool ModerateStageNames);

/// <summary>
/// A line of the moderator's queue: what the donor typed (<see cref="TypedName"/>, the 留言 in
/// <see cref="Message"/>), the amount, and where the name stands; <see cref="DisplayName"/> is the
/// corrected name when the moderator set one.
/// </summary>
public sealed record ModerationEntryView(
    string PledgeId, PledgeChannel Channel, long AmountFen, string TypedName, DonorKind DonorKind, bool Anonymous, string? Message,
    DateTimeOffset RecordedAt, ModerationState State, string? DisplayName, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static ModerationEntryView From(ModerationQueueEntry entry) => new(
        entry.PledgeId, entry.Channel, entry.AmountFen, entry.TypedName, entry.DonorKind, entry.Anonymous, entry.Message,
        entry.RecordedAt, entry.State, entry.DisplayName, entry.DecidedBy, entry.DecidedAt);
}

/// <summary>A decision as stored.</summary>
public sealed record ModerationDecisionView(string PledgeId, ModerationState State, string? DisplayName, string DecidedBy, DateTimeOffset DecidedAt)
{
    public static ModerationDecisionView From(ModerationDecision decision) =>
        new(decision.PledgeId, decision.State, decision.DisplayName, decision.DecidedBy, decision.DecidedAt);
}
