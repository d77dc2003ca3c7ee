namespace CharityDay.Contracts;

/// <summary>
/// A pledge as its sender typed it, before the desk gives it a sequence. The pledge id is made by the
/// client when the pledge is first typed and is the idempotency key of every retry.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PledgeDraft(
    [property: Id(0)] string PledgeId,
    [property: Id(1)] string DeskId,
    [property: Id(2)] PledgeChannel Channel,
    [property: Id(3)] long AmountFen,
    [property: Id(4)] string DonorName,
    [property: Id(5)] DonorKind DonorKind,
    [property: Id(6)] bool Anonymous,
    [property: Id(7)] string? Representative,
    [property: Id(8)] string? Note,
    [property: Id(9)] string RecordedBy)
{
    /// <summary>
    /// Two sends of one pledge id are the same pledge only if everything the sender typed matches;
    /// who sent it is not part of the content.
    /// </summary>
    public bool SameContentAs(PledgeDraft other) =>
        PledgeId == other.PledgeId
        && DeskId == other.DeskId
        && Channel == other.Channel
        && AmountFen == other.AmountFen
        && DonorName == other.DonorName
        && DonorKind == other.DonorKind
        && Anonymous == other.Anonymous
        && Representative == other.Representative
        && Note == other.Note;
}
