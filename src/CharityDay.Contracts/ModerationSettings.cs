namespace CharityDay.Contracts;

/// <summary>
/// The admin's moderation settings of an event: whether stage names (typed by operators) wait for the
/// moderator too; online names always do. <see cref="Revision"/> is the event's moderation revision
/// when they were set (it moves with every decision too, and never goes back).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ModerationSettings(
    [property: Id(0)] bool ModerateStageNames,
    [property: Id(1)] long Revision)
{
    public static readonly ModerationSettings Default = new(ModerateStageNames: false, Revision: 0);

    /// <summary>Whether a pledge of this channel shows its name only once approved.</summary>
    public bool Holds(PledgeChannel channel) => channel == PledgeChannel.Online || ModerateStageNames;
}
