using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>
/// The configuration of one charity event, owned by the event grain. <see cref="Revision"/> moves on
/// every change so that the running total's version moves with it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EventDefinition(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Title,
    [property: Id(2)] long GoalFen,
    [property: Id(3)] ImmutableArray<long> TiersFen,
    [property: Id(4)] ImmutableArray<long> MilestonesFen,
    [property: Id(5)] EventStatus Status,
    [property: Id(6)] ImmutableArray<DeskInfo> Desks,
    [property: Id(7)] int OnlineShards,
    [property: Id(8)] long Revision,
    [property: Id(9)] ScreenSettings? Screen = null)
{
    /// <summary>The screen settings; events stored before they existed read as the defaults.</summary>
    public ScreenSettings ScreenOrDefault => Screen ?? ScreenSettings.Default;

    /// <summary>The desk ids that hold pledges of this event: the stage desks, then the online shards.</summary>
    public IEnumerable<string> LedgerDeskIds =>
        Desks.Select(d => d.DeskId).Concat(Enumerable.Range(0, OnlineShards).Select(OnlineShard.DeskId));
}
