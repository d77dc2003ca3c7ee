namespace CharityDay.Contracts;

/// <summary>Why a moderation decision was or was not made.</summary>
public enum ModerationOutcomeKind
{
    Done = 0,

    /// <summary>No pledge with that id in the event's ledger.</summary>
    PledgeNotFound = 1,

    /// <summary>A display name for a donor who chose to give anonymously: anonymity is the donor's to give up.</summary>
    DonorIsAnonymous = 2,
}

/// <summary>The outcome of a moderation decision, with the decision as stored when it was made.</summary>
[GenerateSerializer, Immutable]
public sealed record ModerationOutcome(
    [property: Id(0)] ModerationOutcomeKind Kind,
    [property: Id(1)] ModerationDecision? Decision)
{
    public static ModerationOutcome Failed(ModerationOutcomeKind kind) => new(kind, null);
}
