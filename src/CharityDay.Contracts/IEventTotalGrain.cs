using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Sums the desks' absolute reports, keeps the recent-pledges feed and the
/// milestones reached, and pushes a coalesced snapshot to each audience (big screens, phones) at its
/// own pace when its version moves.
/// Rebuilds itself by asking every desk after a restart.
/// </summary>
public interface IEventTotalGrain : IGrainWithStringKey
{
    Task ReportAsync(DeskReport report);

    /// <summary>One-way, so the event grain never waits on the total grain while it may be waiting on it.</summary>
    [OneWay]
    Task EventChangedAsync(EventDefinition definition);

    [AlwaysInterleave]
    Task<TotalSnapshot> GetSnapshotAsync();
}
