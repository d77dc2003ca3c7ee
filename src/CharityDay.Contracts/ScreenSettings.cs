namespace CharityDay.Contracts;

/// <summary>
/// What the admin sets for the big screen: the round now on stage, whether donor names show, and how
/// long each new name stays on the wall's feed (<see cref="NameSeconds"/>; 0 in state written before the
/// setting existed, which screens read as <see cref="DefaultNameSeconds"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScreenSettings(
    [property: Id(0)] string RoundTitle,
    [property: Id(1)] bool ShowDonorNames,
    [property: Id(2)] int NameSeconds = ScreenSettings.DefaultNameSeconds)
{
    public const int DefaultNameSeconds = 4;

    // Under 2 s a name cannot be read from the back of the hall; over 15 s a tier round of placards
    // would keep the feed minutes behind the stage.
    public const int MinNameSeconds = 2;
    public const int MaxNameSeconds = 15;

    public static readonly ScreenSettings Default = new("", ShowDonorNames: true);
}
