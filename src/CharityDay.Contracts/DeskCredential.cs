namespace CharityDay.Contracts;

/// <summary>
/// A desk access code as stored: PBKDF2-SHA256 of the code with a per-desk random salt. The clear code
/// exists only in the answer that created or rotated it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeskCredential(
    [property: Id(0)] byte[] Salt,
    [property: Id(1)] byte[] Hash,
    [property: Id(2)] int Iterations);
