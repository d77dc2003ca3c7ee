namespace CharityDay.Contracts;

/// <summary>A pledge as the ledger holds it: acknowledged only once it is durable.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedPledge(
    [property: Id(0)] PledgeDraft Draft,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] PledgeStatus Status);
