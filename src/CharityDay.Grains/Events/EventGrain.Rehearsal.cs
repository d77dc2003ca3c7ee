using CharityDay.Contracts;

namespace CharityDay.Grains.Events;

/// <summary>
/// Rehearsals: only a draft rehearses (an event that has been live never does), and a rehearsal ends by
/// its reset, back to draft, never by an open or a close, so nothing of it reaches the real night.
/// Each rehearsal counts in a ledger run of its own (<see cref="EventDefinition.CurrentRun"/>).
/// </summary>
public sealed partial class EventGrain
{
    public async Task<EventChange> RehearseAsync()
    {
        switch (state.State.Definition)
        {
            case null:
                return EventChange.Failed(EventChangeKind.EventNotFound);
            case { Status: EventStatus.Rehearsal } current:
                await TellDesksAsync(current); // a repeat, as for a repeated status change
                return new EventChange(EventChangeKind.Done, current);
            case { Status: not EventStatus.Draft } current:
                return new EventChange(EventChangeKind.StatusRefused, current);
            case { } current:
                return await SaveAsync(current with
                {
                    Status = EventStatus.Rehearsal,
                    RehearsalRuns = current.RehearsalRuns + 1,
                    Revision = current.Revision + 1,
                });
        }
    }

    public async Task<EventChange> ResetRehearsalAsync()
    {
        switch (state.State.Definition)
        {
            case null:
                return EventChange.Failed(EventChangeKind.EventNotFound);
            case { Status: EventStatus.Rehearsal } current:
                return await SaveAsync(current with { Status = EventStatus.Draft, Revision = current.Revision + 1 });
            case { Status: EventStatus.Draft, RehearsalRuns: > 0 } current:
                await TellDesksAsync(current); // a repeat after a 503: a desk may have missed the reset
                return new EventChange(EventChangeKind.Done, current);
            case { } current:
                return new EventChange(EventChangeKind.StatusRefused, current);
        }
    }

    /// <summary>Rehearsal is entered and left by its own commands only: an open or a close of a rehearsal is refused.</summary>
    private static bool InvolvesRehearsal(EventDefinition current, EventStatus status) =>
        status == EventStatus.Rehearsal || current.Status == EventStatus.Rehearsal;
}
