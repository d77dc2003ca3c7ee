using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests.Moderation;

/// <summary>
/// The moderator signs in like a desk, with a code the admin issues and rotates, and a revoke signs it
/// out; its token moderates its own event and does nothing else: no pledges, no admin routes.
/// </summary>
public sealed class ModeratorAccessTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task A_moderator_token_moderates_its_event_and_cannot_record_pledges_or_use_admin_routes()
    {
        await app.CreateLiveEventAsync("mod-access", "desk-a");
        await app.CreateLiveEventAsync("mod-access-other", "desk-a");
        using var moderator = await Moderators.SignInAsync(app, "mod-access");

        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/api/events/mod-access/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/api/events/mod-access-other/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsJsonAsync("/api/events/mod-access/pledges", Pledges.Stage("desk-a", 100_00))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsJsonAsync("/api/events/mod-access/moderation/settings", new { moderateStageNames = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync("/api/events/mod-access/staff/moderator/code", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/api/events/mod-access/ledger")).StatusCode);
        using var admin = app.Admin();
        var ledger = await admin.GetFromJsonAsync<JsonElement>("/api/events/mod-access/ledger");
        Assert.Equal(0, ledger.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_rotated_code_replaces_the_old_one_and_a_revoke_signs_the_moderator_out()
    {
        await app.CreateLiveEventAsync("mod-rotate");
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/staff",
            new { eventId = "mod-rotate", role = "moderator", code = "ABCD2345" })).StatusCode); // no code issued yet

        var first = await Moderators.IssueCodeAsync(app, "mod-rotate");
        var token = await Moderators.TokenAsync(app, "mod-rotate", first);
        var second = await Moderators.IssueCodeAsync(app, "mod-rotate");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/staff",
            new { eventId = "mod-rotate", role = "moderator", code = first })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/staff",
            new { eventId = "mod-other", role = "moderator", code = second })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(token)); // signed-in staff stay signed in after a rotation

        using var admin = app.Admin();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/events/mod-rotate/staff/moderator/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(await Moderators.TokenAsync(app, "mod-rotate", second)));
        var roles = await admin.GetFromJsonAsync<JsonElement>("/api/events/mod-rotate/staff");
        Assert.True(Assert.Single(roles.EnumerateArray(), r => r.GetProperty("role").GetString() == "moderator").GetProperty("hasCode").GetBoolean());
    }

    [Fact]
    public async Task A_moderator_token_is_not_a_desk_token()
    {
        var codes = await app.CreateLiveEventAsync("mod-kinds", "desk-a");
        var token = await Moderators.TokenAsync(app, "mod-kinds", await Moderators.IssueCodeAsync(app, "mod-kinds"));
        using var desk = await app.OperatorAsync("mod-kinds", "desk-a", codes["desk-a"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/api/events/mod-kinds/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithAsync(token, "/api/events/mod-kinds/desks/desk-a/pledges"));
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token, string path = "/api/events/mod-rotate/moderation")
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(path)).StatusCode;
    }
}
