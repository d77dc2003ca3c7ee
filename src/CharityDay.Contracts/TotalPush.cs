using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>
/// A coalesced update sent to every watcher of an event a few times a second: the totals plus the
/// pledges that arrived since the previous push (bounded, so a push stays small at any pledge rate).
/// A client that sees a gap in versions may fetch a snapshot; it must never apply an older version.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TotalPush(
    [property: Id(0)] string EventId,
    [property: Id(1)] long Version,
    [property: Id(2)] long PreviousVersion,
    [property: Id(3)] long TotalFen,
    [property: Id(4)] long PledgeCount,
    [property: Id(5)] long GoalFen,
    [property: Id(6)] ChannelTotals ByChannel,
    [property: Id(7)] ImmutableArray<FeedItem> NewPledges,
    [property: Id(8)] ImmutableArray<string> VoidedPledgeIds,
    [property: Id(9)] ImmutableArray<long> MilestonesReached,
    [property: Id(10)] string Title,
    [property: Id(11)] ScreenSettings Screen);
