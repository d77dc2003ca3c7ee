using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CharityDay.Server.Tests.Moderation;

namespace CharityDay.Server.Tests.Show;

/// <summary>
/// The screen controller switches the big screen's scene and triggers celebrations: a connected screen
/// follows within a second, a screen connecting later starts on the scene, and a celebration is only
/// for money the total holds.
/// </summary>
public sealed class ShowControlTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    private static readonly TimeSpan OnScreenWithin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_scene_the_controller_chooses_reaches_a_running_screen_within_a_second_and_a_new_screen_in_its_snapshot()
    {
        const string eventId = "show-scene";
        await app.CreateLiveEventAsync(eventId);
        using var controller = await Moderators.SignInAsync(app, eventId, "controller");
        await using var screen = await LiveFeed.ConnectAsync(app, eventId);
        Assert.Equal("total", screen.Snapshot.GetProperty("show").GetProperty("scene").GetString());

        var answer = await controller.PutAsJsonAsync($"/api/events/{eventId}/show", new { scene = "honourRoll" });
        answer.EnsureSuccessStatusCode();
        Assert.Equal("honourRoll", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scene").GetString());
        await screen.PushAsync(push => Scene(push) == "honourRoll", OnScreenWithin);

        await using var reconnected = await LiveFeed.ConnectAsync(app, eventId);
        Assert.Equal("honourRoll", Scene(reconnected.Snapshot));
    }

    [Fact]
    public async Task Holding_celebrations_alone_leaves_the_scene_and_the_rounds_start_as_they_are()
    {
        const string eventId = "show-hold";
        await app.CreateLiveEventAsync(eventId);
        using var controller = await Moderators.SignInAsync(app, eventId, "controller");
        var route = $"/api/events/{eventId}/show";
        var round = await (await controller.PutAsJsonAsync(route, new { scene = "tierRound", tierFen = 1_000_000_00L })).Content.ReadFromJsonAsync<JsonElement>();

        var held = await controller.PutAsJsonAsync(route, new { holdCelebrations = true });
        held.EnsureSuccessStatusCode();
        var show = await held.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(show.GetProperty("holdCelebrations").GetBoolean());
        Assert.Equal(("tierRound", 1_000_000_00L), (show.GetProperty("scene").GetString(), show.GetProperty("tierFen").GetInt64()));
        Assert.Equal(round.GetProperty("roundStartedAt").GetString(), show.GetProperty("roundStartedAt").GetString());

        var nothing = await controller.PutAsJsonAsync(route, new { });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }

    [Fact]
    public async Task A_tier_round_lists_the_stage_pledges_recorded_since_it_began_and_pressing_it_again_keeps_them()
    {
        const string eventId = "show-round";
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        using var admin = app.Admin();
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 5_000_000_00, donorName: "上一轮集团"))).EnsureSuccessStatusCode();
        await Task.Delay(20); // the round begins after that pledge, to the millisecond

        var round = await (await admin.PutAsJsonAsync($"/api/events/{eventId}/show", new { scene = "tierRound", tierFen = 10_000_000_00L }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10_000_000_00L, round.GetProperty("tierFen").GetInt64());
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 10_000_000_00, donorName: "本轮集团"))).EnsureSuccessStatusCode();
        var again = await (await admin.PutAsJsonAsync($"/api/events/{eventId}/show", new { scene = "tierRound", tierFen = 10_000_000_00L }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(round.GetProperty("roundStartedAt").GetString(), again.GetProperty("roundStartedAt").GetString());

        using var wall = app.Anonymous();
        var pledges = await Eventually.ReadAsync(() => wall.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/scenes/round"),
            data => data.GetProperty("count").GetInt64() == 1);
        var line = Assert.Single(pledges.GetProperty("pledges").EnumerateArray());
        Assert.Equal(("本轮集团", 10_000_000_00L), (line.GetProperty("displayName").GetString(), pledges.GetProperty("totalFen").GetInt64()));
    }

    [Fact]
    public async Task A_milestone_not_reached_is_not_celebrated_and_one_reached_moves_the_cue_on_every_screen()
    {
        const string eventId = "show-celebrate";
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var controller = await Moderators.SignInAsync(app, eventId, "controller");
        var early = await controller.PostAsJsonAsync($"/api/events/{eventId}/show/celebrations", new { milestoneFen = 1_000_000L });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using var wall = app.Anonymous();
        Assert.Equal(0, (await wall.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total")).GetProperty("show").GetProperty("celebrationCue").GetInt64());

        var held = await controller.PutAsJsonAsync($"/api/events/{eventId}/show", new { scene = "total", holdCelebrations = true });
        Assert.True((await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdCelebrations").GetBoolean());
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 1_000_000))).EnsureSuccessStatusCode();
        await Eventually.ReadAsync(() => wall.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total"),
            total => total.GetProperty("milestonesReached").GetArrayLength() == 1);

        await using var screen = await LiveFeed.ConnectAsync(app, eventId);
        var triggered = await controller.PostAsJsonAsync($"/api/events/{eventId}/show/celebrations", new { milestoneFen = 1_000_000L });
        triggered.EnsureSuccessStatusCode();
        var push = await screen.PushAsync(p => p.GetProperty("show").GetProperty("celebrationCue").GetInt64() == 1, OnScreenWithin);
        var show = push.GetProperty("show");
        Assert.Equal((1_000_000L, true), (show.GetProperty("celebrationFen").GetInt64(), show.GetProperty("holdCelebrations").GetBoolean()));
        var unknown = await controller.PostAsJsonAsync($"/api/events/{eventId}/show/celebrations", new { milestoneFen = 700_000L });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
    }

    [Fact]
    public async Task Bad_scene_requests_and_other_roles_are_refused_and_change_nothing()
    {
        const string eventId = "show-refusals";
        await app.CreateLiveEventAsync(eventId);
        await app.CreateLiveEventAsync("show-refusals-other");
        using var admin = app.Admin();
        using var moderator = await Moderators.SignInAsync(app, eventId);
        using var otherController = await Moderators.SignInAsync(app, "show-refusals-other", "controller");
        using var stranger = app.Anonymous();
        var route = $"/api/events/{eventId}/show";

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(route, new { scene = "fireworks" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(route, new { scene = "tierRound" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(route, new { scene = "tierRound", tierFen = -5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(route + "/celebrations", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PutAsJsonAsync(route, new { scene = "thanks" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsJsonAsync(route, new { scene = "thanks" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherController.PutAsJsonAsync(route, new { scene = "thanks" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/events/no-such-gala/show", new { scene = "thanks" })).StatusCode);

        var total = await stranger.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total");
        Assert.Equal("total", Scene(total));
    }

    private static string? Scene(JsonElement totalOrPush) => totalOrPush.GetProperty("show").GetProperty("scene").GetString();
}
