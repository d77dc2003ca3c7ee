namespace CharityDay.Contracts;

/// <summary>
/// A stage desk as the admin created it. Its access code is kept only as <see cref="Credential"/>, a
/// salted hash; <see cref="TokenGeneration"/> moves when the admin revokes the desk's tokens, and a
/// token of an older generation is refused on every node.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeskInfo(
    [property: Id(0)] string DeskId,
    [property: Id(1)] string Name,
    // Desks stored before codes were hashed hold their code here in clear; the event grain hashes it at
    // activation and clears it. Id 2 keeps the old field's number, so those states still read.
    [property: Id(2)] string? LegacyAccessCode,
    [property: Id(3)] DeskCredential? Credential = null,
    [property: Id(4)] long TokenGeneration = 0);
