using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>
/// Two desks taking one raised placard is the classic gala mistake: before recording, a desk asks
/// whether any desk took the same donor and amount in the last five minutes.
/// </summary>
public sealed class SimilarPledgesTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    private static int s_badCases;

    [Fact]
    public async Task A_desk_learns_that_another_desk_recorded_the_same_donor_and_amount()
    {
        var codes = await app.CreateLiveEventAsync("similar-seen", "desk-a", "desk-b");
        using var deskA = await app.OperatorAsync("similar-seen", "desk-a", codes["desk-a"]);
        using var deskB = await app.OperatorAsync("similar-seen", "desk-b", codes["desk-b"]);
        var first = Pledges.Stage("desk-a", 5_000_000_00, donorName: "华夏集团");
        (await deskA.PostAsJsonAsync("/api/events/similar-seen/pledges", first)).EnsureSuccessStatusCode();

        var same = await AskAsync(deskB, "similar-seen", "desk-b", " 华夏 集团 ", 5_000_000_00);
        var otherAmount = await AskAsync(deskB, "similar-seen", "desk-b", "华夏集团", 500_000_00);

        Assert.Equal(5, same.GetProperty("windowMinutes").GetInt32());
        var match = Assert.Single(same.GetProperty("matches").EnumerateArray());
        Assert.Equal("desk-a", match.GetProperty("deskId").GetString());
        Assert.Equal("华夏集团", match.GetProperty("donorName").GetString());
        Assert.Equal(5_000_000_00, match.GetProperty("amountFen").GetInt64());
        Assert.Empty(otherAmount.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public async Task A_voided_pledge_is_no_reason_to_warn()
    {
        var codes = await app.CreateLiveEventAsync("similar-voided", "desk-a");
        using var desk = await app.OperatorAsync("similar-voided", "desk-a", codes["desk-a"]);
        var pledge = Pledges.Stage("desk-a", 100_000_00, donorName: "李四");
        (await desk.PostAsJsonAsync("/api/events/similar-voided/pledges", pledge)).EnsureSuccessStatusCode();
        var pledgeId = JsonSerializer.SerializeToElement(pledge).GetProperty("pledgeId").GetString();
        (await desk.PostAsJsonAsync($"/api/events/similar-voided/pledges/{pledgeId}/void", new { reason = "误录" })).EnsureSuccessStatusCode();

        var answer = await AskAsync(desk, "similar-voided", "desk-a", "李四", 100_000_00);

        Assert.Empty(answer.GetProperty("matches").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"deskId":"desk-a","donorName":"","amountFen":100}""")]
    [InlineData("""{"deskId":"desk-a","donorName":"甲","amountFen":0}""")]
    [InlineData("""{"deskId":"desk-a","donorName":"甲","amountFen":"500万"}""")]
    [InlineData("""{"deskId":"desk-a","amountFen":100}""")]
    [InlineData("""{"deskId":"../x","donorName":"甲","amountFen":100}""")]
    public async Task A_bad_question_gets_a_problem(string body)
    {
        var eventId = $"similar-bad-{Interlocked.Increment(ref s_badCases)}";
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);

        var response = await desk.PostAsync($"/api/events/{eventId}/pledges/similar",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> AskAsync(HttpClient desk, string eventId, string deskId, string donorName, long amountFen)
    {
        var response = await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges/similar", new { deskId, donorName, amountFen });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
