namespace CharityDay.Contracts;

/// <summary>
/// One press on the controller's console, applied by the event grain to the show as it stands there (so
/// two consoles pressing at once never lose a celebration): a new <see cref="Scene"/> (with its tier),
/// holding celebrations on or off, a milestone to celebrate now. Absent parts leave the show as it is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShowChange(
    [property: Id(0)] SceneKind? Scene,
    [property: Id(1)] long TierFen,
    [property: Id(2)] bool? HoldCelebrations,
    [property: Id(3)] long? CelebrateFen,
    [property: Id(4)] DateTimeOffset At)
{
    public ShowState ApplyTo(ShowState show)
    {
        var hold = HoldCelebrations ?? show.HoldCelebrations;
        var next = Scene is { } scene ? show.WithScene(scene, TierFen, hold, At) : show with { HoldCelebrations = hold };
        return CelebrateFen is { } milestone ? next.Celebrating(milestone) : next;
    }
}
