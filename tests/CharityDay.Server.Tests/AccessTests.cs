using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

public sealed class AccessTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task A_pledge_without_a_token_is_401_and_records_nothing()
    {
        await app.CreateLiveEventAsync("access-none", "desk-a");

        var response = await app.Anonymous().PostAsJsonAsync("/api/events/access-none/pledges", Pledges.Stage("desk-a", 100));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await EntryCountAsync("access-none"));
    }

    [Fact]
    public async Task A_forged_or_tampered_token_is_401()
    {
        var codes = await app.CreateLiveEventAsync("access-forged", "desk-a");
        using var desk = await app.OperatorAsync("access-forged", "desk-a", codes["desk-a"]);
        var token = desk.DefaultRequestHeaders.Authorization!.Parameter!;
        using var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^2] + (token[^2..] == "AA" ? "BB" : "AA"));

        var response = await forged.PostAsJsonAsync("/api/events/access-forged/pledges", Pledges.Stage("desk-a", 100));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_desks_token_is_403_and_records_nothing()
    {
        var codes = await app.CreateLiveEventAsync("access-desk", "desk-a", "desk-b");
        using var deskB = await app.OperatorAsync("access-desk", "desk-b", codes["desk-b"]);

        var response = await deskB.PostAsJsonAsync("/api/events/access-desk/pledges", Pledges.Stage("desk-a", 100));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await EntryCountAsync("access-desk"));
    }

    [Fact]
    public async Task An_operator_cannot_use_admin_routes()
    {
        var codes = await app.CreateLiveEventAsync("access-admin", "desk-a");
        using var desk = await app.OperatorAsync("access-admin", "desk-a", codes["desk-a"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("/api/events/access-admin/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/api/events/access-admin/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/api/events/access-admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync("/api/events/access-admin/desks", new { deskId = "desk-x", name = "x" })).StatusCode);
        var view = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/access-admin");
        Assert.Equal("live", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wrong_access_code_is_401_and_the_public_event_view_never_shows_codes()
    {
        var codes = await app.CreateLiveEventAsync("access-code", "desk-a");
        var wrong = codes["desk-a"] == "000000" ? "111111" : "000000";

        var signIn = await app.Anonymous().PostAsJsonAsync("/api/auth/desk", new { eventId = "access-code", deskId = "desk-a", accessCode = wrong });
        var view = await app.Anonymous().GetStringAsync("/api/events/access-code");

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.DoesNotContain(codes["desk-a"], view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_pledges_own_desk_or_the_admin_may_void_it()
    {
        var codes = await app.CreateLiveEventAsync("access-void", "desk-a", "desk-b");
        using var deskA = await app.OperatorAsync("access-void", "desk-a", codes["desk-a"]);
        using var deskB = await app.OperatorAsync("access-void", "desk-b", codes["desk-b"]);
        var id = Pledges.NewId();
        (await deskA.PostAsJsonAsync("/api/events/access-void/pledges", Pledges.Stage("desk-a", 300_00, id))).EnsureSuccessStatusCode();

        var byOtherDesk = await deskB.PostAsJsonAsync($"/api/events/access-void/pledges/{id}/void", new { reason = "误录" });
        var withoutReason = await app.Admin().PostAsJsonAsync($"/api/events/access-void/pledges/{id}/void", new { reason = " " });
        var byAdmin = await app.Admin().PostAsJsonAsync($"/api/events/access-void/pledges/{id}/void", new { reason = "误录" });
        var again = await deskA.PostAsJsonAsync($"/api/events/access-void/pledges/{id}/void", new { reason = "再次作废" });

        Assert.Equal(HttpStatusCode.Forbidden, byOtherDesk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("误录", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(2, await EntryCountAsync("access-void"));
    }

    private async Task<long> EntryCountAsync(string eventId)
    {
        using var admin = app.Admin();
        return (await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit")).GetProperty("ledgerEntryCount").GetInt64();
    }
}
