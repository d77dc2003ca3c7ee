namespace CharityDay.Contracts;

/// <summary>A stage desk as the admin created it; its access code lets an operator sign in.</summary>
[GenerateSerializer, Immutable]
public sealed record DeskInfo(
    [property: Id(0)] string DeskId,
    [property: Id(1)] string Name,
    [property: Id(2)] string AccessCode);
