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
    [property: Id(9)] ScreenSettings? Screen = null,
    [property: Id(10)] int RehearsalRuns = 0,
    [property: Id(11)] string? TimeZone = null,
    [property: Id(12)] ShowState? Show = null)
{
    /// <summary>The zone the event's times are said in; events stored before it existed are in Beijing time.</summary>
    public string TimeZoneOrDefault => TimeZone ?? EventTimeZone.Default;

    /// <summary>The ledger run of the real night: every real total, export and audit counts this run only.</summary>
    public const int LiveRun = 0;

    /// <summary>
    /// The ledger run pledges go to and screens show now: the rehearsal's own number while in rehearsal
    /// (each rehearsal a new one, so a reset starts the next from nothing), otherwise the real night's.
    /// </summary>
    public int CurrentRun => Status == EventStatus.Rehearsal ? RehearsalRuns : LiveRun;

    /// <summary>The screen settings; events stored before they existed read as the defaults.</summary>
    public ScreenSettings ScreenOrDefault => Screen ?? ScreenSettings.Default;

    /// <summary>What the big screen shows; events stored before the controller existed show the total.</summary>
    public ShowState ShowOrDefault => Show ?? ShowState.Default;

    /// <summary>The desk ids that hold pledges of this event: the stage desks, then the online shards.</summary>
    public IEnumerable<string> LedgerDeskIds =>
        Desks.Select(d => d.DeskId).Concat(Enumerable.Range(0, OnlineShards).Select(OnlineShard.DeskId));
}
