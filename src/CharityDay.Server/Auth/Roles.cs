using System.Security.Claims;

namespace CharityDay.Server.Auth;

/// <summary>
/// Who may do what: the admin runs the event; an operator records pledges at one desk; a staff role
/// (<see cref="StaffRoles"/>: the moderator, the screen controller) does its one job for one event.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Moderator = "moderator";
    public const string Controller = "controller";
    public const string EventClaim = "charity-day/event";
    public const string DeskClaim = "charity-day/desk";

    /// <summary>Policy names for <c>RequireAuthorization</c>.</summary>
    public const string AdminPolicy = "admin";
    public const string StaffPolicy = "staff";
    public const string ModerationPolicy = "moderation";
    public const string ShowPolicy = "show";

    public static bool IsOperatorOf(this ClaimsPrincipal user, string eventId, string deskId) =>
        user.IsInRole(Operator) && user.FindFirstValue(EventClaim) == eventId && user.FindFirstValue(DeskClaim) == deskId;

    /// <summary>The admin, or the moderator of this event (a moderator of another event is not).</summary>
    public static bool MayModerate(this ClaimsPrincipal user, string eventId) =>
        user.IsInRole(Admin) || (user.IsInRole(Moderator) && user.FindFirstValue(EventClaim) == eventId);

    /// <summary>The admin, or the screen controller of this event.</summary>
    public static bool MayControlShow(this ClaimsPrincipal user, string eventId) =>
        user.IsInRole(Admin) || (user.IsInRole(Controller) && user.FindFirstValue(EventClaim) == eventId);

    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
