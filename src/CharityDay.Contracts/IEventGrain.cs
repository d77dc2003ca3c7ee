using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Owns the event's configuration and lifecycle (draft → live → closed, a
/// closed event reopened by its own command, and draft → rehearsal → reset to draft before the night) and its stage desks with their hashed access codes and
/// token generations. Desks hold
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

    /// <summary>Adds a desk whose code the caller made and hashed: the clear code never reaches a grain or storage.</summary>
    Task<EventChange> AddDeskAsync(string deskId, string name, DeskCredential credential);

    /// <summary>Replaces a desk's access code; tokens already issued stay valid (<see cref="RevokeDeskTokensAsync"/> ends them).</summary>
    Task<EventChange> SetDeskCodeAsync(string deskId, DeskCredential credential);

    /// <summary>Moves the desk's token generation on, so every token issued before is refused.</summary>
    Task<EventChange> RevokeDeskTokensAsync(string deskId);

    /// <summary>Changes title, goal, tiers and milestones; status and desks stay as they are.</summary>
    Task<EventChange> UpdateAsync(EventSetup setup);

    Task<EventChange> SetScreenAsync(ScreenSettings screen);

    /// <summary>Puts what the screen controller chose on every big screen (scene, held or triggered celebration).</summary>
    Task<EventChange> ChangeShowAsync(ShowChange change);

    /// <summary>
    /// Puts a draft in rehearsal: desks and online giving take pledges as when live, into a new rehearsal
    /// run of the ledger. Refused for an event that has been live; a repeat while in rehearsal tells the desks again.
    /// </summary>
    Task<EventChange> RehearseAsync();

    /// <summary>
    /// Ends the rehearsal: back to draft, every screen and desk at zero; the rehearsal's rows stay in the
    /// ledger, counted by nothing, so their ids are never taken as real pledges. A repeat tells the desks again.
    /// </summary>
    Task<EventChange> ResetRehearsalAsync();
}
