using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Sums the desks' absolute reports, keeps the recent-pledges feed, and pushes a
/// coalesced snapshot to each audience (big screens, phones) at its own pace when its version moves.
/// When it activates it rebuilds from the ledger (one grouped query), never by calling the desks:
/// the live path runs one way, desks → total → screens.
/// </summary>
public interface IEventTotalGrain : IGrainWithStringKey
{
    Task ReportAsync(DeskReport report);

    /// <summary>One-way, so the event grain never waits on the total grain while it may be waiting on it.</summary>
    [OneWay]
    Task EventChangedAsync(EventDefinition definition);

    [AlwaysInterleave]
    Task<TotalSnapshot> GetSnapshotAsync();

    /// <summary>A stored moderation decision; one-way, like <see cref="EventChangedAsync"/>, so the moderation grain never waits on the total.</summary>
    [OneWay]
    Task ModerationDecidedAsync(ModerationDecision decision);

    [OneWay]
    Task ModerationSettingsChangedAsync(ModerationSettings settings);
}
