namespace CharityDay.Contracts;

/// <summary>What became of a pledge sent to a desk.</summary>
public enum PledgeOutcomeKind
{
    /// <summary>Newly written to the ledger.</summary>
    Recorded = 0,

    /// <summary>A retry of a pledge already in the ledger with the same content: nothing new was written.</summary>
    Replayed = 1,

    /// <summary>The pledge id is taken by a pledge with different content.</summary>
    Conflict = 2,
    EventNotFound = 3,
    EventNotLive = 4,
    DeskNotFound = 5,

    /// <summary>
    /// The id belongs to a pledge of a rehearsal that has been reset (an offline queue sending it again):
    /// nothing was recorded, and it never counts as real money.
    /// </summary>
    RehearsalOver = 6,
}

/// <summary>The desk's answer to a pledge; <see cref="Pledge"/> is set when recorded or replayed.</summary>
[GenerateSerializer, Immutable]
public sealed record PledgeOutcome(
    [property: Id(0)] PledgeOutcomeKind Kind,
    [property: Id(1)] RecordedPledge? Pledge)
{
    public static PledgeOutcome Rejected(PledgeOutcomeKind kind) => new(kind, null);
}
