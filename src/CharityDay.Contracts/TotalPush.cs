using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>
/// A coalesced update sent to an audience of an event a few times a second (big screens up to ten,
/// phones up to four): the totals plus the newest pledges since the previous push to that audience
/// (bounded, so a push stays small at any pledge rate); <see cref="PreviousVersion"/> is that push's version.
/// A client that sees a gap in versions may fetch a snapshot; it must never apply an older version.
/// When <see cref="FeedReset"/> is set, <see cref="NewPledges"/> is the whole feed to show (oldest first),
/// replacing what the client shows: the admin hid or restored donor names, or a rehearsal was reset (then
/// empty, with the totals back at zero). <see cref="Rehearsal"/> and <see cref="Show"/> as in <see cref="TotalSnapshot"/>.
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
    [property: Id(11)] ScreenSettings Screen,
    [property: Id(12)] bool FeedReset,
    [property: Id(13)] bool Rehearsal,
    [property: Id(14)] ShowState Show);
