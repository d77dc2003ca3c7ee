using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Owns the event's configuration and lifecycle (draft → live → closed) and its
/// stage desks with their access codes; desks ask it whether the event is live before each commit.
/// </summary>
public interface IEventGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<EventDefinition?> GetAsync();

    Task<EventChange> CreateAsync(EventSetup setup, int onlineShards);

    Task<EventChange> SetStatusAsync(EventStatus status);

    Task<EventChange> AddDeskAsync(string deskId, string name);

    /// <summary>Changes title, goal, tiers and milestones; status and desks stay as they are.</summary>
    Task<EventChange> UpdateAsync(EventSetup setup);

    Task<EventChange> SetScreenAsync(ScreenSettings screen);
}
