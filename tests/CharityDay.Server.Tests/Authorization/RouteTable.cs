using System.Net;
using static CharityDay.Server.Tests.Authorization.RouteCase;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// The authorization matrix's one table: every route the server maps, with the answer each caller is
/// owed on the night. A route the server maps that is missing here, or a row for a route it no longer
/// maps, fails <see cref="RouteMatrixTests"/>. Rows by area: the site and its plumbing here, the event
/// set-up in <c>RouteTable.Events.cs</c>, the money in <c>RouteTable.Money.cs</c>, moderation and staff access in <c>RouteTable.Moderation.cs</c>.
/// </summary>
internal static partial class RouteTable
{
    public static IReadOnlyList<RouteCase> All { get; } = [.. Site, .. Events, .. Money, .. Moderation];

    public static RouteCase Find(string key) => All.Single(row => row.Key == key);

    private static RouteCase[] Site =>
    [
        // A balancer asks without credentials; the public balancer hides /metrics (deploy/haproxy.cfg),
        // and its labels carry no ids, names or keys (MetricsTests).
        Row("*", "/metrics", Expect.Anyone(HttpStatusCode.OK), _ => Get("/metrics")),
        Row("*", "/health/live", Expect.Anyone(HttpStatusCode.OK), _ => Get("/health/live")),
        Row("*", "/health/ready", Expect.Anyone(HttpStatusCode.OK), _ => Get("/health/ready")),
        Row("GET", "/openapi/{documentName}.json", Expect.Anyone(HttpStatusCode.OK), _ => Get("/openapi/v1.json")),

        // The pages hold no data: each asks for its key or token, and the API decides.
        Row("GET", "/", Expect.Anyone(HttpStatusCode.OK), _ => Get("/")),
        Row("GET", "/screen/{eventId}", Expect.Anyone(HttpStatusCode.OK), w => Get($"/screen/{w.E}")),
        Row("GET", "/e/{eventId}", Expect.Anyone(HttpStatusCode.OK), w => Get($"/e/{w.E}")),
        Row("GET", "/operator", Expect.Anyone(HttpStatusCode.OK), _ => Get("/operator")),
        Row("GET", "/moderate", Expect.Anyone(HttpStatusCode.OK), _ => Get("/moderate")),
        Row("GET", "/control", Expect.Anyone(HttpStatusCode.OK), _ => Get("/control")),
        Row("GET", "/control/{eventId}", Expect.Anyone(HttpStatusCode.OK), w => Get($"/control/{w.E}")),
        Row("GET", "/admin", Expect.Anyone(HttpStatusCode.OK), _ => Get("/admin")),

        // Screens and phones watch the total without signing in; a bad token does not stop a viewer.
        Row("*", "/hubs/live/negotiate", Expect.Anyone(HttpStatusCode.OK), _ => Post("/hubs/live/negotiate?negotiateVersion=1")),
        Row("*", "/hubs/live", Expect.Anyone(HttpStatusCode.OK), async (w, caller) => Get($"/hubs/live?id={await w.NegotiateAsync(caller)}")),

        // Anyone with desk A's code signs in to desk A, whatever header the device still sends.
        Row("POST", "/api/auth/desk", Expect.Anyone(HttpStatusCode.OK),
            w => Post("/api/auth/desk", new { eventId = w.E, deskId = MatrixWorld.DeskA, accessCode = w.CodeA })),

        Row("GET", "/api/cluster", Expect.AdminOnly(HttpStatusCode.OK), _ => Get("/api/cluster")),
    ];
}
