using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>
/// Everything a screen needs to draw the running total from nothing: fetched on (re)connect and from
/// <c>GET /api/events/{eventId}/total</c>. A client keeps the highest <see cref="Version"/> it has seen.
/// <see cref="Rehearsal"/> is set while the event is in rehearsal: the figures are the rehearsal's, and
/// every screen marks them 「彩排 REHEARSAL」.
/// <see cref="Show"/> is the scene the controller has on the big screen.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TotalSnapshot(
    [property: Id(0)] string EventId,
    [property: Id(1)] long Version,
    [property: Id(2)] long TotalFen,
    [property: Id(3)] long PledgeCount,
    [property: Id(4)] long GoalFen,
    [property: Id(5)] ChannelTotals ByChannel,
    [property: Id(6)] ImmutableArray<FeedItem> Recent,
    [property: Id(7)] ImmutableArray<long> MilestonesReached,
    [property: Id(8)] string Title,
    [property: Id(9)] ScreenSettings Screen,
    [property: Id(10)] bool Rehearsal,
    [property: Id(11)] ShowState Show);
