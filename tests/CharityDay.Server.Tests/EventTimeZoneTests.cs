using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>
/// Every time of an event is said in the event's zone — Beijing time unless the admin sets another — so
/// the CSV, the operator's list and the admin's ledger agree whatever zone a laptop is set to.
/// </summary>
public sealed class EventTimeZoneTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task An_event_is_in_Beijing_time_unless_the_admin_says_otherwise_and_the_CSV_follows()
    {
        using var admin = app.Admin();
        await CreateAsync(admin, "zone-default", timeZone: null);
        var created = await CreateAsync(admin, "zone-london", "Europe/London");

        Assert.Equal("Asia/Shanghai", (await EventAsync(admin, "zone-default")).GetProperty("timeZone").GetString());
        Assert.Equal("Europe/London", created.GetProperty("timeZone").GetString());

        await PledgeAsync(admin, "zone-default");
        await PledgeAsync(admin, "zone-london");
        Assert.EndsWith("+08:00", await CsvTimeAsync(admin, "zone-default"), StringComparison.Ordinal);
        var london = await CsvTimeAsync(admin, "zone-london");
        Assert.True(london.EndsWith("+00:00", StringComparison.Ordinal) || london.EndsWith("+01:00", StringComparison.Ordinal), london);
    }

    [Fact]
    public async Task A_save_without_a_zone_keeps_it_and_an_unknown_zone_is_refused_and_changes_nothing()
    {
        using var admin = app.Admin();
        await CreateAsync(admin, "zone-kept", "Asia/Tokyo");

        var saved = await admin.PutAsJsonAsync("/api/events/zone-kept", new { title = "改名", goalFen = 100_00L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Asia/Tokyo", (await EventAsync(admin, "zone-kept")).GetProperty("timeZone").GetString());

        foreach (var bad in new[] { "Mars/Olympus", "China Standard Time", "", "+08:00" })
        {
            var refused = await admin.PutAsJsonAsync("/api/events/zone-kept", new { title = "再改", goalFen = 100_00L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>(), timeZone = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _), bad);
        }

        var after = await EventAsync(admin, "zone-kept");
        Assert.Equal("Asia/Tokyo", after.GetProperty("timeZone").GetString());
        Assert.Equal("改名", after.GetProperty("title").GetString());
        var create = await admin.PostAsJsonAsync("/api/events", new { id = "zone-bad", title = "晚会", goalFen = 100_00L, timeZone = "Nowhere/Town" });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/events/zone-bad")).StatusCode);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient admin, string eventId, string? timeZone)
    {
        var response = await admin.PostAsJsonAsync("/api/events", new { id = eventId, title = "时区晚会", goalFen = 100_00L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>(), timeZone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> EventAsync(HttpClient admin, string eventId) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}");

    private async Task PledgeAsync(HttpClient admin, string eventId)
    {
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-a", name = "一号台" });
        var code = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        using var operatorClient = await app.OperatorAsync(eventId, "desk-a", code);
        (await operatorClient.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 100_00))).EnsureSuccessStatusCode();
    }

    private static async Task<string> CsvTimeAsync(HttpClient admin, string eventId)
    {
        var lines = (await admin.GetStringAsync($"/api/events/{eventId}/ledger.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines[1].TrimEnd('\r').Split(',')[^1];
    }
}
