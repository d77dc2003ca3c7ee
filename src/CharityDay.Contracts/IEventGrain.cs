using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Owns the event's configuration and lifecycle (draft → live → closed, and a
/// closed event reopened by its own command) and its stage desks with their access codes. Desks hold
/// a copy of the definition for admission; a change of status or desks is told to every desk.
/// </summary>
public interface IEventGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<EventDefinition?> GetAsync();

    Task<EventChange> CreateAsync(EventSetup setup, int onlineShards);

    /// <summary>Opens a draft event or closes a live one; opening a closed event is refused (<see cref="ReopenAsync"/>).</summary>
    Task<EventChange> SetStatusAsync(EventStatus status);

    /// <summary>Makes a closed event live again: its own command, so a stray "open" cannot undo a close.</summary>
    Task<EventChange> ReopenAsync();

    Task<EventChange> AddDeskAsync(string deskId, string name);

    /// <summary>Changes title, goal, tiers and milestones; status and desks stay as they are.</summary>
    Task<EventChange> UpdateAsync(EventSetup setup);

    Task<EventChange> SetScreenAsync(ScreenSettings screen);
}
