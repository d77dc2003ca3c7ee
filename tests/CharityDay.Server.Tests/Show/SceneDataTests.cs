using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests.Show;

/// <summary>
/// The honour roll, the thank-you roll and the message wall show names as the feed does: summed per shown
/// name and kind, anonymous donors and names the moderator holds or hid left out (the thank-you roll counts
/// them together), voided pledges not at all, and only approved 留言.
/// </summary>
public sealed class SceneDataTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task The_scenes_rank_and_thank_shown_names_only()
    {
        const string eventId = "scene-data";
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        using var admin = app.Admin();
        async Task<string> StageAsync(long amountFen, string name, string kind = "enterprise", bool anonymous = false)
        {
            var id = Pledges.NewId();
            var answer = await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", new
            {
                pledgeId = id, deskId = "desk-a", amountFen, donorName = name, donorKind = kind, anonymous, representative = (string?)null, note = (string?)null,
            });
            answer.EnsureSuccessStatusCode();
            return id;
        }

        await StageAsync(3_000_000_00, "豫商集团");
        await StageAsync(2_000_000_00, "豫商集团");
        await StageAsync(4_000_000_00, "中原银行");
        await StageAsync(9_000_000_00, "不留名企业", anonymous: true);
        var voided = await StageAsync(8_000_000_00, "录错集团");
        await StageAsync(1_000_000_00, "郑州红十字会", "organization");
        (await admin.PostAsJsonAsync($"/api/events/{eventId}/pledges/{voided}/void", new { reason = "误录" })).EnsureSuccessStatusCode();
        var approvedId = Pledges.NewId();
        await Donations.GiveAsync(app, eventId, 200_00, "王小明", approvedId, message: "祝福郑州");
        await Donations.GiveAsync(app, eventId, 900_00, "待审核的人", message: "未审核的留言");
        using var moderator = await Moderators.SignInAsync(app, eventId);
        (await moderator.PostAsJsonAsync($"/api/events/{eventId}/moderation/{approvedId}", new { action = "approve" })).EnsureSuccessStatusCode();

        using var wall = app.Anonymous();
        var roll = await Eventually.ReadAsync(() => wall.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/scenes/honour-roll"),
            r => r.GetProperty("individuals").GetArrayLength() == 1 && r.GetProperty("organizations").GetArrayLength() == 1);
        Assert.Equal(["豫商集团 500000000 2", "中原银行 400000000 1"], Lines(roll.GetProperty("enterprises")));
        Assert.Equal(["郑州红十字会 100000000 1"], Lines(roll.GetProperty("organizations")));
        Assert.Equal(["王小明 20000 1"], Lines(roll.GetProperty("individuals")));

        var thanks = await wall.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/scenes/thanks");
        Assert.Equal(["豫商集团", "中原银行", "郑州红十字会", "王小明"],
            thanks.GetProperty("donors").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray());
        Assert.Equal((2, 0), (thanks.GetProperty("standInCount").GetInt64(), thanks.GetProperty("moreCount").GetInt64()));

        var messages = await wall.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/scenes/messages");
        var message = Assert.Single(messages.GetProperty("messages").EnumerateArray());
        Assert.Equal(("王小明", "祝福郑州", 200_00L), (message.GetProperty("name").GetString(), message.GetProperty("message").GetString(),
            message.GetProperty("amountFen").GetInt64()));
    }

    [Fact]
    public async Task An_unknown_event_has_no_scenes()
    {
        using var wall = app.Anonymous();
        foreach (var scene in new[] { "honour-roll", "thanks", "round", "messages" })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await wall.GetAsync($"/api/events/no-such-gala/scenes/{scene}")).StatusCode);
        }
    }

    private static string[] Lines(JsonElement lines) =>
        [.. lines.EnumerateArray().Select(l => $"{l.GetProperty("name").GetString()} {l.GetProperty("amountFen").GetInt64()} {l.GetProperty("pledgeCount").GetInt64()}")];
}
