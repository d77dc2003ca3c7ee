using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests.Moderation;

/// <summary>
/// An online donation paid at the 演示收银台 reaches the wall as 爱心人士 with no 留言 until the event's
/// moderator approves it; approving, hiding and correcting a name reach a connected screen within a
/// second; stage names go straight through unless the admin holds them too; the ledger keeps what was typed.
/// </summary>
public sealed class ModerationFlowTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    /// <summary>What the night asks of a decision on a name already on screen.</summary>
    private static readonly TimeSpan OnScreenWithin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_online_name_shows_as_a_stand_in_until_approved_then_within_a_second_and_goes_again_when_hidden()
    {
        const string eventId = "mod-flow";
        await app.CreateLiveEventAsync(eventId);
        var donationId = Pledges.NewId();
        await Donations.GiveAsync(app, eventId, 520_00, "王小明", donationId, message: "祝福郑州");
        using var phone = app.Anonymous();
        var held = await Eventually.ReadAsync(() => LineOnTotalAsync(phone, eventId, donationId), line => line is not null);
        Assert.Equal(("爱心人士", true, JsonValueKind.Null), (held!.Value.GetProperty("displayName").GetString(),
            held.Value.GetProperty("nameHidden").GetBoolean(), Message(held.Value).ValueKind));

        using var moderator = await Moderators.SignInAsync(app, eventId);
        var queue = await moderator.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation?state=pending");
        var entry = Assert.Single(queue.EnumerateArray());
        Assert.Equal((donationId, "王小明", "祝福郑州", 520_00L, "online"), (entry.GetProperty("pledgeId").GetString(),
            entry.GetProperty("typedName").GetString(), entry.GetProperty("message").GetString(), entry.GetProperty("amountFen").GetInt64(),
            entry.GetProperty("channel").GetString()));

        await using var screen = await LiveFeed.ConnectAsync(app, eventId);
        (await moderator.PostAsJsonAsync($"/api/events/{eventId}/moderation/{donationId}", new { action = "approve" })).EnsureSuccessStatusCode();
        var shown = await screen.LineAsync(donationId, (push, line) => line.GetProperty("displayName").GetString() == "王小明", OnScreenWithin);
        Assert.Equal(("祝福郑州", false), (shown.GetProperty("message").GetString(), shown.GetProperty("nameHidden").GetBoolean()));

        (await moderator.PostAsJsonAsync($"/api/events/{eventId}/moderation/{donationId}", new { action = "hide" })).EnsureSuccessStatusCode();
        var hidden = await screen.LineAsync(donationId, (push, line) => push.GetProperty("feedReset").GetBoolean()
            && line.GetProperty("displayName").GetString() == "爱心人士", OnScreenWithin);
        Assert.True(hidden.GetProperty("nameHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Message(hidden).ValueKind);
        Assert.Empty((await moderator.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation")).EnumerateArray());
        Assert.Single((await moderator.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation?state=hidden")).EnumerateArray());

        // The ledger and its export keep what the donor typed.
        using var admin = app.Admin();
        var csv = await admin.GetStringAsync($"/api/events/{eventId}/ledger.csv");
        Assert.Contains("王小明", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_name_reaches_a_phone_and_the_public_total()
    {
        const string eventId = "mod-rename";
        await app.CreateLiveEventAsync(eventId);
        var donationId = Pledges.NewId();
        await Donations.GiveAsync(app, eventId, 10_000_00, "河南豫商集体", donationId);
        await using var phoneFeed = await LiveFeed.ConnectAsync(app, eventId, "Follow");
        using var moderator = await Moderators.SignInAsync(app, eventId);

        var answer = await moderator.PostAsJsonAsync($"/api/events/{eventId}/moderation/{donationId}", new { action = "rename", displayName = " 河南豫商集团 " });
        answer.EnsureSuccessStatusCode();
        var decision = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("approved", "河南豫商集团", "moderator"), (decision.GetProperty("state").GetString(),
            decision.GetProperty("displayName").GetString(), decision.GetProperty("decidedBy").GetString()));
        await phoneFeed.LineAsync(donationId, (_, line) => line.GetProperty("displayName").GetString() == "河南豫商集团", OnScreenWithin);
        using var viewer = app.Anonymous();
        var line = await LineOnTotalAsync(viewer, eventId, donationId);
        Assert.Equal("河南豫商集团", line!.Value.GetProperty("displayName").GetString());
        Assert.Single((await moderator.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation?state=approved")).EnumerateArray(),
            e => e.GetProperty("typedName").GetString() == "河南豫商集体" && e.GetProperty("displayName").GetString() == "河南豫商集团");
    }

    [Fact]
    public async Task Stage_names_go_straight_through_unless_the_admin_holds_them_too()
    {
        const string eventId = "mod-stage";
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        using var admin = app.Admin();
        using var viewer = app.Anonymous();
        var pledgeId = Pledges.NewId();
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 1_000_000_00, pledgeId, "第一集团"))).EnsureSuccessStatusCode();
        var straight = await Eventually.ReadAsync(() => LineOnTotalAsync(viewer, eventId, pledgeId), l => l is not null);
        Assert.Equal(("第一集团", false), (straight!.Value.GetProperty("displayName").GetString(), straight.Value.GetProperty("nameHidden").GetBoolean()));

        var settings = await admin.PutAsJsonAsync($"/api/events/{eventId}/moderation/settings", new { moderateStageNames = true });
        settings.EnsureSuccessStatusCode();
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation/settings")).GetProperty("moderateStageNames").GetBoolean());
        var held = await Eventually.ReadAsync(() => LineOnTotalAsync(viewer, eventId, pledgeId),
            l => l?.GetProperty("nameHidden").GetBoolean() == true);
        Assert.Equal("爱心企业", held!.Value.GetProperty("displayName").GetString());
        var queue = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation");
        Assert.Equal("stage", Assert.Single(queue.EnumerateArray()).GetProperty("channel").GetString());
    }

    private static async Task<JsonElement?> LineOnTotalAsync(HttpClient client, string eventId, string pledgeId)
    {
        var total = await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total");
        foreach (var line in total.GetProperty("recent").EnumerateArray())
        {
            if (line.GetProperty("pledgeId").GetString() == pledgeId)
            {
                return line;
            }
        }

        return null;
    }

    private static JsonElement Message(JsonElement line) => line.TryGetProperty("message", out var message) ? message : default;
}
