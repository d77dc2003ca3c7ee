namespace CharityDay.Contracts;

/// <summary>A staff role's access code as stored (hashed like a desk's) and its token generation: a revoke moves it on.</summary>
[GenerateSerializer, Immutable]
public sealed record StaffCredential(
    [property: Id(0)] StaffRole Role,
    [property: Id(1)] DeskCredential Credential,
    [property: Id(2)] long TokenGeneration);
