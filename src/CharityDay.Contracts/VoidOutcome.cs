namespace CharityDay.Contracts;

/// <summary>What became of a void request.</summary>
public enum VoidOutcomeKind
{
    Voided = 0,

    /// <summary>The pledge was voided before; the first void stands.</summary>
    AlreadyVoided = 1,
    PledgeNotFound = 2,
    EventNotFound = 3,
}

/// <summary>The desk's answer to a void request, with the pledge as it now stands.</summary>
[GenerateSerializer, Immutable]
public sealed record VoidOutcome(
    [property: Id(0)] VoidOutcomeKind Kind,
    [property: Id(1)] RecordedPledge? Pledge,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? VoidedBy,
    [property: Id(4)] DateTimeOffset? VoidedAt);
