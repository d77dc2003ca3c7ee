using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>
/// An event being set up (a draft) is the admin's until it opens: the public list and the public view
/// do not show it, so its title and desks do not leak before the night.
/// </summary>
public sealed class DraftVisibilityTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task Anonymous_callers_see_live_and_closed_events_but_not_a_draft_and_the_admin_sees_all()
    {
        using var admin = app.Admin();
        (await admin.PostAsJsonAsync("/api/events", NewEvent("vis-draft"))).EnsureSuccessStatusCode();
        await app.CreateLiveEventAsync("vis-live", "desk-a");
        await app.CreateLiveEventAsync("vis-closed", "desk-a");
        (await admin.PostAsync("/api/events/vis-closed/close", null)).EnsureSuccessStatusCode();

        var publicIds = Ids(await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events"));
        var adminIds = Ids(await admin.GetFromJsonAsync<JsonElement>("/api/events"));

        Assert.DoesNotContain("vis-draft", publicIds);
        Assert.Contains("vis-live", publicIds);
        Assert.Contains("vis-closed", publicIds);
        Assert.Contains("vis-draft", adminIds);
        Assert.Contains("vis-live", adminIds);
    }

    [Fact]
    public async Task A_draft_is_not_found_for_the_public_but_shown_to_the_admin_and_its_own_operators()
    {
        using var admin = app.Admin();
        (await admin.PostAsJsonAsync("/api/events", NewEvent("vis-draft-view"))).EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync("/api/events/vis-draft-view/desks", new { deskId = "desk-a", name = "彩排录入台" });
        var code = (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        using var operatorClient = await app.OperatorAsync("vis-draft-view", "desk-a", code);

        var anonymous = await app.Anonymous().GetAsync("/api/events/vis-draft-view");
        var asAdmin = await admin.GetAsync("/api/events/vis-draft-view");
        var asOperator = await operatorClient.GetAsync("/api/events/vis-draft-view");

        // The same answer as for an id that never existed: a draft's existence is not told either.
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("彩排", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);

        (await admin.PostAsync("/api/events/vis-draft-view/open", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/api/events/vis-draft-view")).StatusCode);
    }

    private static object NewEvent(string id) => new
    {
        id,
        title = "彩排中的晚会",
        goalFen = 100_000_000L,
        tiersFen = Array.Empty<long>(),
        milestonesFen = Array.Empty<long>(),
    };

    private static List<string> Ids(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
}
