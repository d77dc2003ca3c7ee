namespace CharityDay.Contracts;

/// <summary>
/// What the screen controller has put on the big screen: the <see cref="Scene"/> (with its tier and the
/// time a tier round began), whether screens hold milestone celebrations back for the controller to
/// trigger, and the last celebration triggered. Part of the event's definition, so every change moves
/// the total's version and reaches every screen with the next push, and a screen that reconnects gets
/// it in its snapshot. A screen celebrates <see cref="CelebrationFen"/> when it sees a
/// <see cref="CelebrationCue"/> higher than one it saw before.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShowState(
    [property: Id(0)] SceneKind Scene,
    [property: Id(1)] long TierFen,
    [property: Id(2)] DateTimeOffset? RoundStartedAt,
    [property: Id(3)] bool HoldCelebrations,
    [property: Id(4)] long CelebrationFen,
    [property: Id(5)] long CelebrationCue)
{
    public static readonly ShowState Default = new(SceneKind.Total, 0, null, HoldCelebrations: false, 0, 0);

    /// <summary>
    /// The scene the controller chose: a tier round already on for the same tier keeps its start (the
    /// controller pressing it again must not empty the round's list); any other round starts now.
    /// </summary>
    public ShowState WithScene(SceneKind scene, long tierFen, bool holdCelebrations, DateTimeOffset now) => scene == SceneKind.TierRound
        ? this with
        {
            Scene = scene,
            TierFen = tierFen,
            RoundStartedAt = Scene == SceneKind.TierRound && TierFen == tierFen && RoundStartedAt is { } started ? started : now,
            HoldCelebrations = holdCelebrations,
        }
        : this with { Scene = scene, TierFen = 0, RoundStartedAt = null, HoldCelebrations = holdCelebrations };

    public ShowState Celebrating(long milestoneFen) => this with { CelebrationFen = milestoneFen, CelebrationCue = CelebrationCue + 1 };
}
