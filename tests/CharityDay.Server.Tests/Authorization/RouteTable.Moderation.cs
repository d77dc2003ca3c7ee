using System.Net;
using static CharityDay.Server.Tests.Authorization.RouteCase;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// Name moderation and staff access: E's moderator (or the admin) works the queue; the settings, the
/// staff codes and their revocation are the admin's; anyone with the code signs in as the moderator.
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

        Row("GET", "/api/events/{eventId}/staff", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/staff")),
        // The moderator may neither rotate its own code nor sign itself out; the admin revokes last.
        Row("POST", "/api/events/{eventId}/staff/{role}/code", Expect.AdminOnly(HttpStatusCode.OK), w => Post($"/api/events/{w.E}/staff/moderator/code")),
        Row("POST", "/api/events/{eventId}/staff/{role}/revoke", Expect.AdminOnly(HttpStatusCode.NoContent), w => Post($"/api/events/{w.E}/staff/moderator/revoke")),
    ];
}
