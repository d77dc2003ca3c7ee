using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>How long the wall shows each new name: the admin sets 2 to 15 seconds, anything else is refused and changes nothing.</summary>
public sealed class ScreenNameSecondsTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task A_new_event_shows_each_name_four_seconds_and_a_save_without_the_setting_keeps_it()
    {
        await app.CreateLiveEventAsync("screen-seconds-default", "desk-a");
        using var admin = app.Admin();

        var before = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/screen-seconds-default");
        (await admin.PutAsJsonAsync("/api/events/screen-seconds-default/screen", new { roundTitle = "", showDonorNames = true, nameSeconds = 9 })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/events/screen-seconds-default/screen", new { roundTitle = "第二轮", showDonorNames = true })).EnsureSuccessStatusCode();
        var after = await Eventually.ReadAsync(
            () => app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/screen-seconds-default/total"),
            total => total.GetProperty("screen").GetProperty("roundTitle").GetString() == "第二轮");

        Assert.Equal(4, before.GetProperty("screen").GetProperty("nameSeconds").GetInt32());
        Assert.Equal(9, after.GetProperty("screen").GetProperty("nameSeconds").GetInt32());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(-4)]
    public async Task A_time_outside_two_to_fifteen_seconds_is_a_problem_on_nameSeconds_and_changes_nothing(int seconds)
    {
        var eventId = $"screen-seconds-{(seconds < 0 ? "minus" : "")}{Math.Abs(seconds)}";
        await app.CreateLiveEventAsync(eventId, "desk-a");
        using var admin = app.Admin();
        (await admin.PutAsJsonAsync($"/api/events/{eventId}/screen", new { roundTitle = "第一轮", showDonorNames = true, nameSeconds = 6 })).EnsureSuccessStatusCode();

        var refused = await admin.PutAsJsonAsync($"/api/events/{eventId}/screen", new { roundTitle = "不该生效", showDonorNames = false, nameSeconds = seconds });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var view = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/events/{eventId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("15", Assert.Single(problem.GetProperty("errors").GetProperty("nameSeconds").EnumerateArray()).GetString(), StringComparison.Ordinal);
        var screen = view.GetProperty("screen");
        Assert.Equal(6, screen.GetProperty("nameSeconds").GetInt32());
        Assert.Equal("第一轮", screen.GetProperty("roundTitle").GetString());
        Assert.True(screen.GetProperty("showDonorNames").GetBoolean());
    }
}
