using System.Collections.Immutable;
using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/events</c>; without <c>timeZone</c> the event's times are in Beijing time (Asia/Shanghai).</summary>
public sealed record CreateEventRequest(string? Id, string? Title, long GoalFen, long[]? TiersFen, long[]? MilestonesFen, string? TimeZone = null);

/// <summary>Body of <c>PUT /api/events/{eventId}</c>; a missing <c>timeZone</c> keeps the one set before.</summary>
public sealed record UpdateEventRequest(string? Title, long GoalFen, long[]? TiersFen, long[]? MilestonesFen, string? TimeZone = null);

/// <summary>Body of <c>PUT /api/events/{eventId}/screen</c>; a missing <c>nameSeconds</c> keeps the one set before.</summary>
public sealed record ScreenRequest(string? RoundTitle, bool ShowDonorNames, int? NameSeconds = null);

/// <summary>One line of the event list.</summary>
public sealed record EventSummary(string Id, string Title, EventStatus Status, long GoalFen);

/// <summary>Body of <c>POST /api/events/{eventId}/desks</c>.</summary>
public sealed record CreateDeskRequest(string? DeskId, string? Name);

/// <summary>A desk and its access code: the answer to creating the desk or rotating its code, the only times the code is shown.</summary>
public sealed record DeskAccessView(string DeskId, string Name, string AccessCode);

/// <summary>A desk as anyone may see it.</summary>
public sealed record DeskView(string DeskId, string Name);

/// <summary>An event as anyone may see it: never the access codes.</summary>
public sealed record EventView(
    string Id, string Title, long GoalFen, ImmutableArray<long> TiersFen, ImmutableArray<long> MilestonesFen,
    EventStatus Status, IReadOnlyList<DeskView> Desks, ScreenSettings Screen, string TimeZone)
{
    public static EventView From(EventDefinition definition) => new(
        definition.EventId, definition.Title, definition.GoalFen, definition.TiersFen, definition.MilestonesFen,
        definition.Status, [.. definition.Desks.Select(d => new DeskView(d.DeskId, d.Name))], definition.ScreenOrDefault,
        definition.TimeZoneOrDefault);
}
