using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CharityDay.Server.Tests.Moderation;

/// <summary>Every bad moderation request is an RFC 7807 problem naming what is wrong, and changes nothing.</summary>
public sealed class ModerationInputTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    public static TheoryData<string> BadDecisions => new(
        "{}",
        """{"action":"rename"}""",
        """{"action":"rename","displayName":"   "}""",
        """{"action":"rename","displayName":"a\u200Eb"}""",
        """{"action":"approve","displayName":"改名"}""",
        """{"action":"publish"}""",
        """{"action":"Approve"}""",
        """{"action":"approve","extra":1}""",
        "not json");

    [Theory]
    [MemberData(nameof(BadDecisions))]
    public async Task A_bad_decision_is_a_problem_and_the_name_stays_held(string body)
    {
        var (eventId, donationId) = await GivenAsync();
        using var admin = app.Admin();

        var answer = await admin.PostAsync($"/api/events/{eventId}/moderation/{donationId}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        await StillHeldAsync(admin, eventId, donationId);
    }

    [Fact]
    public async Task An_unknown_pledge_a_bad_pledge_id_an_anonymous_rename_and_bad_queue_queries_are_problems()
    {
        var (eventId, donationId) = await GivenAsync();
        var anonymousId = Pledges.NewId();
        await Donations.GiveAsync(app, eventId, 100_00, donorName: null, anonymousId);
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/events/{eventId}/moderation/{Pledges.NewId()}", new { action = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/events/{eventId}/moderation/bad!id", new { action = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/events/no-such-event/moderation/{donationId}", new { action = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/events/{eventId}/moderation/{anonymousId}", new { action = "rename", displayName = "张三" })).StatusCode);
        foreach (var query in new[] { "?state=all", "?state=Pending", "?limit=0", "?limit=501" })
        {
            var answer = await admin.GetAsync($"/api/events/{eventId}/moderation{query}");
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{query}: {answer.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/events/{eventId}/moderation/settings", new { })).StatusCode);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation/settings")).GetProperty("moderateStageNames").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/events/{eventId}/staff/janitor/code", null)).StatusCode);
        await StillHeldAsync(admin, eventId, donationId);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation")).GetArrayLength());
    }

    private async Task<(string EventId, string DonationId)> GivenAsync()
    {
        var eventId = "mod-in-" + Pledges.NewId()[..10];
        await app.CreateLiveEventAsync(eventId);
        var donationId = Pledges.NewId();
        await Donations.GiveAsync(app, eventId, 300_00, "刘备", donationId, message: "桃园");
        return (eventId, donationId);
    }

    private static async Task StillHeldAsync(HttpClient admin, string eventId, string donationId)
    {
        var queue = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation");
        Assert.Contains(queue.EnumerateArray(), e => e.GetProperty("pledgeId").GetString() == donationId && e.GetProperty("state").GetString() == "pending");
        var total = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total");
        Assert.All(total.GetProperty("recent").EnumerateArray(), line => Assert.NotEqual("刘备", line.GetProperty("displayName").GetString()));
    }
}
