namespace CharityDay.Contracts;

/// <summary>The outcome of an admin command on an event.</summary>
public enum EventChangeKind
{
    Done = 0,
    EventNotFound = 1,
    EventExists = 2,
    DeskExists = 3,

    /// <summary>
    /// The event's status does not allow it: opening a closed event (that is a reopen), reopening one that
    /// is not closed, opening or closing one in rehearsal (reset it first), rehearsing one that has been live.
    /// </summary>
    StatusRefused = 4,

    /// <summary>No desk with that id in the event (a code rotation or token revocation).</summary>
    DeskNotFound = 5,
}

/// <summary>The outcome of an admin command with the event as it now stands.</summary>
[GenerateSerializer, Immutable]
public sealed record EventChange(
    [property: Id(0)] EventChangeKind Kind,
    [property: Id(1)] EventDefinition? Event)
{
    public static EventChange Failed(EventChangeKind kind) => new(kind, null);
}
