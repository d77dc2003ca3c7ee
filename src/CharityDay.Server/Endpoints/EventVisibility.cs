using System.Security.Claims;
using CharityDay.Contracts;
using CharityDay.Server.Auth;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Who may see an event in the list and the public view. The public sees what is or was on the
/// night: live and closed events, and an event in rehearsal — the wall and the phones in the hall are
/// rehearsed too, and every one of them marks the figures 彩排 REHEARSAL. A draft (being set up) is
/// seen only by the admin and by the operators signed in to one of its desks. A paused state, should one be added, belongs to
/// the public too: the screen and the phones go on showing an event that stops taking pledges a while.
/// </summary>
internal static class EventVisibility
{
    public static bool IsPublic(EventStatus status) => status is EventStatus.Live or EventStatus.Closed or EventStatus.Rehearsal;

    public static bool MaySee(ClaimsPrincipal user, EventDefinition definition) =>
        IsPublic(definition.Status)
        || user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Operator) && user.FindFirstValue(Roles.EventClaim) == definition.EventId);
}
