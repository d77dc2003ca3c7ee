using System.Security.Claims;

namespace CharityDay.Server.Auth;

/// <summary>Who may do what: the admin runs the event; an operator records pledges at one desk.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string EventClaim = "charity-day/event";
    public const string DeskClaim = "charity-day/desk";

    /// <summary>Policy names for <c>RequireAuthorization</c>.</summary>
    public const string AdminPolicy = "admin";
    public const string StaffPolicy = "staff";

    public static bool IsOperatorOf(this ClaimsPrincipal user, string eventId, string deskId) =>
        user.IsInRole(Operator) && user.FindFirstValue(EventClaim) == eventId && user.FindFirstValue(DeskClaim) == deskId;

    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
