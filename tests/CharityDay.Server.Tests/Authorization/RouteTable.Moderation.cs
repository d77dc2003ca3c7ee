using System.Net;
using static CharityDay.Server.Tests.Authorization.RouteCase;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// Name moderation and staff access: E's moderator (or the admin) works the queue; the settings, the
/// staff codes and their revocation are the admin's; anyone with the code signs in as the moderator. The
/// show is the controller's or the admin's; the scenes' data is public like the total.
/// </summary>
internal static partial class RouteTable
{
    private static RouteCase[] Moderation =>
    [
        Row("POST", "/api/auth/staff", Expect.Anyone(HttpStatusCode.OK),
            w => Post("/api/auth/staff", new { eventId = w.E, role = "moderator", code = w.ModeratorCode })),

        Row("GET", "/api/events/{eventId}/moderation", Expect.ModeratorOrAdmin(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/moderation")),
        Row("POST", "/api/events/{eventId}/moderation/{pledgeId}", Expect.ModeratorOrAdmin(HttpStatusCode.OK),
            async (w, _) => Post($"/api/events/{w.E}/moderation/{await w.PledgeAtDeskAAsync()}", new { action = "hide" })),
        Row("GET", "/api/events/{eventId}/moderation/settings", Expect.ModeratorOrAdmin(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/moderation/settings")),
        Row("PUT", "/api/events/{eventId}/moderation/settings", Expect.AdminOnly(HttpStatusCode.OK),
            w => Put($"/api/events/{w.E}/moderation/settings", new { moderateStageNames = true })),

        // The screen controller's routes (a controller token's own rows are ShowControlTests'): the moderator and desks may not switch scenes.
        Row("PUT", "/api/events/{eventId}/show", Expect.AdminOnly(HttpStatusCode.OK), w => Put($"/api/events/{w.E}/show", new { scene = "thanks" })),
        // E's total has reached no milestone of a billion yuan: the admin is let in and told so.
        Row("POST", "/api/events/{eventId}/show/celebrations", Expect.AdminOnly(HttpStatusCode.Conflict),
            w => Post($"/api/events/{w.E}/show/celebrations", new { milestoneFen = 100_000_000_000L })),
        Row("GET", "/api/events/{eventId}/scenes/honour-roll", Expect.Anyone(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/scenes/honour-roll")),
        Row("GET", "/api/events/{eventId}/scenes/thanks", Expect.Anyone(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/scenes/thanks")),
        Row("GET", "/api/events/{eventId}/scenes/round", Expect.Anyone(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/scenes/round")),
        Row("GET", "/api/events/{eventId}/scenes/messages", Expect.Anyone(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/scenes/messages")),

        Row("GET", "/api/events/{eventId}/staff", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/staff")),
        // The moderator may neither rotate its own code nor sign itself out; the admin revokes last.
        Row("POST", "/api/events/{eventId}/staff/{role}/code", Expect.AdminOnly(HttpStatusCode.OK), w => Post($"/api/events/{w.E}/staff/moderator/code")),
        Row("POST", "/api/events/{eventId}/staff/{role}/revoke", Expect.AdminOnly(HttpStatusCode.NoContent), w => Post($"/api/events/{w.E}/staff/moderator/revoke")),
    ];
}
