using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Event set-up and lifecycle (admin), and the public view of an event (drafts stay the admin's:
/// <see cref="EventVisibility"/>); desks and their access in <see cref="DeskAccessApi"/>, rehearsals in <see cref="RehearsalApi"/>.
/// </summary>
public static class EventsApi
{
    private const int MaxPresets = 20;

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapPost("/", CreateEventAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapGet("/", ListEventsAsync);
        events.MapGet("/{eventId}", GetEventAsync).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPut("/{eventId}", UpdateEventAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPut("/{eventId}/screen", SetScreenAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPost("/{eventId}/open", (string eventId, EventCatalog catalog, IGrainFactory grains) =>
            ChangeStatusAsync(eventId, catalog, grains, e => e.SetStatusAsync(EventStatus.Live))).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/{eventId}/close", (string eventId, EventCatalog catalog, IGrainFactory grains) =>
            ChangeStatusAsync(eventId, catalog, grains, e => e.SetStatusAsync(EventStatus.Closed))).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/{eventId}/reopen", (string eventId, EventCatalog catalog, IGrainFactory grains) =>
            ChangeStatusAsync(eventId, catalog, grains, e => e.ReopenAsync())).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapRehearsalApi();
        events.MapDeskAccessApi();
        events.MapStaffAccessApi();
        events.MapModerationApi();
        events.MapShowApi();
        return events;
    }

    private static async Task<Results<Created<EventView>, ValidationProblem, ProblemHttpResult>> CreateEventAsync(
        CreateEventRequest request, IGrainFactory grains, EventCatalog catalog, IOptions<CharityDayOptions> options)
    {
        var errors = new InputErrors();
        if (!InputRules.IsSlug(request.Id))
        {
            errors.Add("id", "活动编号只能用小写字母、数字和连字符 (lower-case letters, digits and dashes, up to 40)");
        }

        var setup = Setup(errors, new UpdateEventRequest(request.Title, request.GoalFen, request.TiersFen, request.MilestonesFen, request.TimeZone), options.Value);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var change = await grains.GetGrain<IEventGrain>(request.Id!).CreateAsync(setup!, options.Value.OnlineShards);
        catalog.Add(request.Id!);
        return change.Kind == EventChangeKind.Done
            ? TypedResults.Created($"/api/events/{request.Id}", EventView.From(change.Event!))
            : Problems.Conflict("活动编号已存在 (event exists)", $"Event '{request.Id}' already exists.");
    }

    private static async Task<Results<Ok<EventView>, ValidationProblem, ProblemHttpResult>> UpdateEventAsync(
        string eventId, UpdateEventRequest request, EventCatalog catalog, IGrainFactory grains, IOptions<CharityDayOptions> options)
    {
        var errors = new InputErrors();
        var setup = Setup(errors, request, options.Value);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var change = await catalog.ExistsAsync(eventId) ? await grains.GetGrain<IEventGrain>(eventId).UpdateAsync(setup!) : null;
        return change?.Event is { } definition ? TypedResults.Ok(EventView.From(definition)) : Problems.EventNotFound(eventId);
    }

    private static async Task<Results<Ok<EventView>, ValidationProblem, ProblemHttpResult>> SetScreenAsync(
        string eventId, ScreenRequest request, EventCatalog catalog, IGrainFactory grains)
    {
        var errors = new InputErrors();
        var roundTitle = InputRules.Text(errors, "roundTitle", request.RoundTitle, InputRules.TitleMaxLength, required: false);
        InputRules.NameSeconds(errors, "nameSeconds", request.NameSeconds);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var grain = grains.GetGrain<IEventGrain>(eventId);
        // State from before the setting existed holds 0: it becomes the default on the first save.
        var current = (await grain.GetAsync())?.ScreenOrDefault.NameSeconds ?? 0;
        var nameSeconds = request.NameSeconds
            ?? (current is >= ScreenSettings.MinNameSeconds and <= ScreenSettings.MaxNameSeconds ? current : ScreenSettings.DefaultNameSeconds);
        var change = await grain.SetScreenAsync(new ScreenSettings(roundTitle ?? "", request.ShowDonorNames, nameSeconds));
        return change.Event is { } definition ? TypedResults.Ok(EventView.From(definition)) : Problems.EventNotFound(eventId);
    }

    private static async Task<Ok<EventSummary[]>> ListEventsAsync(IGrainFactory grains, ClaimsPrincipal user)
    {
        var ids = await grains.GetGrain<IEventDirectoryGrain>(0).ListAsync();
        var definitions = await Task.WhenAll(ids.Select(id => grains.GetGrain<IEventGrain>(id).GetAsync()));
        return TypedResults.Ok(definitions.OfType<EventDefinition>()
            .Where(d => EventVisibility.MaySee(user, d))
            .Select(d => new EventSummary(d.EventId, d.Title, d.Status, d.GoalFen))
            .ToArray());
    }

    private static EventSetup? Setup(InputErrors errors, UpdateEventRequest request, CharityDayOptions options)
    {
        var title = InputRules.Text(errors, "title", request.Title, InputRules.TitleMaxLength, required: true);
        InputRules.Amount(errors, "goalFen", request.GoalFen, long.MaxValue / 4);
        var tiers = Presets(errors, "tiersFen", request.TiersFen, options.MaxAmountFen);
        var milestones = Presets(errors, "milestonesFen", request.MilestonesFen, long.MaxValue / 4);
        if (request.TimeZone is not null && !EventTimeZone.IsKnown(request.TimeZone))
        {
            errors.Add("timeZone", "时区须为 IANA 时区名，如 Asia/Shanghai (an IANA time zone name, e.g. Asia/Shanghai)");
        }

        return errors.Any ? null : new EventSetup(title!, request.GoalFen, [.. tiers.OrderDescending()], [.. milestones.Order()], request.TimeZone);
    }

    /// <summary>A draft is answered exactly like an id that does not exist, unless the caller may see it.</summary>
    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> GetEventAsync(string eventId, EventCatalog catalog, ClaimsPrincipal user) =>
        await catalog.CurrentAsync(eventId) is { } definition && EventVisibility.MaySee(user, definition)
            ? TypedResults.Ok(EventView.From(definition))
            : Problems.EventNotFound(eventId);

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> ChangeStatusAsync(
        string eventId, EventCatalog catalog, IGrainFactory grains, Func<IEventGrain, Task<EventChange>> change)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var result = await change(grains.GetGrain<IEventGrain>(eventId));
        return result switch
        {
            { Kind: EventChangeKind.StatusRefused, Event.Status: EventStatus.Rehearsal } => Problems.InRehearsal(eventId),
            { Kind: EventChangeKind.StatusRefused, Event.Status: EventStatus.Closed } => Problems.StatusRefused(
                "活动已结束：如需继续，请用「重新开放」(the event is closed; reopen it instead)",
                $"Event '{eventId}' is closed. Reopening is its own action: POST /api/events/{eventId}/reopen."),
            { Kind: EventChangeKind.StatusRefused } => Problems.StatusRefused(
                "只有已结束的活动可以重新开放 (only a closed event can be reopened)", $"Event '{eventId}' is not closed."),
            { Event: { } definition } => TypedResults.Ok(EventView.From(definition)),
            _ => Problems.EventNotFound(eventId),
        };
    }

    private static long[] Presets(InputErrors errors, string field, long[]? values, long maxFen)
    {
        values ??= [];
        if (values.Length > MaxPresets)
        {
            errors.Add(field, $"最多 {MaxPresets} 项 (at most {MaxPresets})");
        }

        if (values.Any(v => v <= 0 || v > maxFen) || values.Distinct().Count() != values.Length)
        {
            errors.Add(field, "每项须为不重复的正整数分，且不超过上限 (distinct positive fen amounts within the cap)");
        }

        return values;
    }
}
