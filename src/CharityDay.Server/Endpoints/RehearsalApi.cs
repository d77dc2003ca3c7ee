using CharityDay.Contracts;
using CharityDay.Grains.Orders;
using CharityDay.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The admin's rehearsal of a draft: <c>rehearse</c> lets desks and online giving (demo cashier only)
/// take pledges into a rehearsal run that no real total, export or audit counts, every screen marked
/// 「彩排 REHEARSAL」; <c>rehearsal/reset</c> zeroes every screen and desk and returns the event to draft,
/// ready to open from nothing. An event that has been live never rehearses again.
/// </summary>
public static class RehearsalApi
{
    public static RouteGroupBuilder MapRehearsalApi(this RouteGroupBuilder events)
    {
        events.MapPost("/{eventId}/rehearse", RehearseAsync).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/{eventId}/rehearsal/reset", ResetAsync).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return events;
    }

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> RehearseAsync(string eventId, EventCatalog catalog, IGrainFactory grains) =>
        await catalog.ExistsAsync(eventId)
            ? Answer(eventId, await grains.GetGrain<IEventGrain>(eventId).RehearseAsync(), Problems.RehearsalRefused(eventId, wasLive: true))
            : Problems.EventNotFound(eventId);

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> ResetAsync(
        string eventId, EventCatalog catalog, IGrainFactory grains, SqlDonationOrders orders, CancellationToken cancellationToken)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var change = await grains.GetGrain<IEventGrain>(eventId).ResetRehearsalAsync();
        if (change.Kind == EventChangeKind.Done)
        {
            // After the desks stopped taking the rehearsal's pledges: an order paid from here on is refused.
            await orders.ExpireUnpaidAsync(eventId, cancellationToken);
        }

        return Answer(eventId, change, Problems.RehearsalRefused(eventId, wasLive: false));
    }

    /// <summary>Only a draft rehearses, so a refused rehearse is an event that has been live; a refused reset is one not in rehearsal.</summary>
    private static Results<Ok<EventView>, ProblemHttpResult> Answer(string eventId, EventChange change, ProblemHttpResult refused) => change switch
    {
        { Kind: EventChangeKind.Done, Event: { } definition } => TypedResults.Ok(EventView.From(definition)),
        { Kind: EventChangeKind.StatusRefused } => refused,
        _ => Problems.EventNotFound(eventId),
    };
}
