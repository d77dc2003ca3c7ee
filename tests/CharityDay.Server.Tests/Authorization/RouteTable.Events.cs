using System.Net;
using static CharityDay.Server.Tests.Authorization.RouteCase;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>The event set-up and its desks: the admin's alone; an operator's token changes nothing here.</summary>
internal static partial class RouteTable
{
    private static object Setup(string title) => new
    {
        title,
        goalFen = 100_000_000L,
        tiersFen = new[] { 1_000_000L, 500_000L },
        milestonesFen = new[] { 1_000_000L, 5_000_000L },
    };

    private static RouteCase[] Events =>
    [
        Row("POST", "/api/events/", Expect.AdminOnly(HttpStatusCode.Created),
            _ => Post("/api/events", new { id = "authz-new-" + MatrixWorld.NewId()[..12], title = "新活动", goalFen = 100_000_000L })),
        // Live and closed events are public; drafts are hidden from strangers (DraftVisibilityTests).
        Row("GET", "/api/events/", Expect.Anyone(HttpStatusCode.OK), _ => Get("/api/events")),
        Row("GET", "/api/events/{eventId}", Expect.Anyone(HttpStatusCode.OK), w => Get($"/api/events/{w.E}")),
        Row("PUT", "/api/events/{eventId}", Expect.AdminOnly(HttpStatusCode.OK), w => Put($"/api/events/{w.E}", Setup("改名的晚会"))),
        Row("PUT", "/api/events/{eventId}/screen", Expect.AdminOnly(HttpStatusCode.OK),
            w => Put($"/api/events/{w.E}/screen", new { roundTitle = "第二轮 500万档", showDonorNames = true })),

        // E is live: the admin's open is a harmless repeat. The admin closes last, then reopens a closed E.
        Row("POST", "/api/events/{eventId}/open", Expect.AdminOnly(HttpStatusCode.OK), w => Post($"/api/events/{w.E}/open")),
        Row("POST", "/api/events/{eventId}/close", Expect.AdminOnly(HttpStatusCode.OK), w => Post($"/api/events/{w.E}/close")),
        Row("POST", "/api/events/{eventId}/reopen", Expect.AdminOnly(HttpStatusCode.OK), async (w, _) =>
        {
            await w.CloseAsync();
            return Post($"/api/events/{w.E}/reopen");
        }),

        // E has been live and may not rehearse: each caller gets a draft of its own to rehearse, or to reset.
        Row("POST", "/api/events/{eventId}/rehearse", Expect.AdminOnly(HttpStatusCode.OK),
            async (w, _) => Post($"/api/events/{await w.DraftAsync(rehearsing: false)}/rehearse")),
        Row("POST", "/api/events/{eventId}/rehearsal/reset", Expect.AdminOnly(HttpStatusCode.OK),
            async (w, _) => Post($"/api/events/{await w.DraftAsync(rehearsing: true)}/rehearsal/reset")),

        Row("POST", "/api/events/{eventId}/desks", Expect.AdminOnly(HttpStatusCode.Created),
            w => Post($"/api/events/{w.E}/desks", new { deskId = "desk-" + MatrixWorld.NewId()[..8], name = "新录入台" })),
        Row("GET", "/api/events/{eventId}/desks", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/desks")),
        // Desk A's own operator may neither rotate its code nor sign its colleagues out.
        Row("POST", "/api/events/{eventId}/desks/{deskId}/code", Expect.AdminOnly(HttpStatusCode.OK),
            w => Post($"/api/events/{w.E}/desks/{MatrixWorld.DeskA}/code")),
        Row("POST", "/api/events/{eventId}/desks/{deskId}/revoke", Expect.AdminOnly(HttpStatusCode.NoContent),
            w => Post($"/api/events/{w.E}/desks/{MatrixWorld.DeskA}/revoke")),
    ];
}
