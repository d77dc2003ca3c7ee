namespace CharityDay.Contracts;

/// <summary>What the admin sets for the big screen: the round now on stage and whether donor names show.</summary>
[GenerateSerializer, Immutable]
public sealed record ScreenSettings(
    [property: Id(0)] string RoundTitle,
    [property: Id(1)] bool ShowDonorNames)
{
    public static readonly ScreenSettings Default = new("", ShowDonorNames: true);
}
