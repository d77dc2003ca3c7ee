using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The one check every event-scoped staff route makes (the moderator's, the screen controller's): a token
/// of another event is refused before the event is looked up, so the answer tells nothing about it; then
/// an unknown event is 404.
/// </summary>
internal static class StaffScope
{
    public static async Task<ProblemHttpResult?> RefusedAsync(bool mayAct, string eventId, EventCatalog catalog, string title, string detail)
    {
        if (!mayAct)
        {
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: title);
        }

        return await catalog.ExistsAsync(eventId) ? null : Problems.EventNotFound(eventId);
    }
}
