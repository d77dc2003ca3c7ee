using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>
/// The rehearsal as the admin, a desk, a phone and a screen live it: everything is taken as on the
/// night and shown marked as rehearsal, and after the reset the audit, the ledger and its CSV hold
/// only the real night's pledges, whatever of the rehearsal is sent again.
/// </summary>
public sealed class RehearsalTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task After_a_rehearsal_and_its_reset_the_audit_and_the_csv_hold_only_the_live_pledge()
    {
        var code = await DraftAsync("rehearsal-night");
        using var admin = app.Admin();
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-night/rehearse", null), "rehearsal");
        using var desk = await app.OperatorAsync("rehearsal-night", "desk-1", code);
        var rehearsed = Pledges.Stage("desk-1", 80_000_000_00, donorName: "彩排测试企业");
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/api/events/rehearsal-night/pledges", rehearsed)).StatusCode);
        var donation = await Donations.GiveAsync(app, "rehearsal-night", 300_00, "彩排网友");
        Assert.Equal("paid", donation.GetProperty("status").GetString());

        var onScreen = await Eventually.ReadAsync(() => SnapshotAsync("rehearsal-night"), s => s.GetProperty("totalFen").GetInt64() == 80_000_300_00);
        Assert.Equal((80_000_300_00, true), (onScreen.GetProperty("totalFen").GetInt64(), onScreen.GetProperty("rehearsal").GetBoolean()));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/events/rehearsal-night/desks/desk-1/pledges"))!);
        var duringRehearsal = await admin.GetFromJsonAsync<JsonElement>("/api/events/rehearsal-night/audit");
        Assert.Equal((0L, 0L, true), (duringRehearsal.GetProperty("ledgerTotalFen").GetInt64(), duringRehearsal.GetProperty("liveTotalFen").GetInt64(),
            duringRehearsal.GetProperty("agrees").GetBoolean()));

        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-night/rehearsal/reset", null), "draft");
        var cleared = await SnapshotAsync("rehearsal-night");
        Assert.Equal((0L, 0L, false, 0), (cleared.GetProperty("totalFen").GetInt64(), cleared.GetProperty("pledgeCount").GetInt64(),
            cleared.GetProperty("rehearsal").GetBoolean(), cleared.GetProperty("recent").GetArrayLength()));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/events/rehearsal-night/desks/desk-1/pledges"))!);

        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-night/open", null), "live");
        var liveId = Pledges.NewId();
        var live = Pledges.Stage("desk-1", 1_000_000_00, liveId, donorName: "真实认捐集团");
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/api/events/rehearsal-night/pledges", live)).StatusCode);

        var audit = await Eventually.ReadAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/events/rehearsal-night/audit"), a => a.GetProperty("agrees").GetBoolean());
        Assert.Equal((1_000_000_00, 1L, 1L, 1_000_000_00, true), (audit.GetProperty("ledgerTotalFen").GetInt64(), audit.GetProperty("ledgerPledgeCount").GetInt64(),
            audit.GetProperty("ledgerEntryCount").GetInt64(), audit.GetProperty("liveTotalFen").GetInt64(), audit.GetProperty("agrees").GetBoolean()));
        var csv = await admin.GetStringAsync("/api/events/rehearsal-night/ledger.csv");
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the header and the live pledge
        Assert.Contains("真实认捐集团", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("彩排", csv, StringComparison.Ordinal);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/events/rehearsal-night/ledger");
        Assert.Equal([liveId], page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("pledgeId").GetString()));
    }

    [Fact]
    public async Task A_rehearsal_pledge_replayed_after_the_reset_is_refused_with_a_problem_and_not_counted()
    {
        var code = await DraftAsync("rehearsal-replay");
        using var admin = app.Admin();
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-replay/rehearse", null), "rehearsal");
        using var desk = await app.OperatorAsync("rehearsal-replay", "desk-1", code);
        var queued = Pledges.Stage("desk-1", 5_000_000_00);
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/api/events/rehearsal-replay/pledges", queued)).StatusCode);
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-replay/rehearsal/reset", null), "draft");
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-replay/open", null), "live");

        var replayed = await desk.PostAsJsonAsync("/api/events/rehearsal-replay/pledges", queued);

        await AssertProblemAsync(replayed, HttpStatusCode.Conflict, "这是已重置彩排中的认捐");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/events/rehearsal-replay/audit");
        Assert.Equal((0L, 0L), (audit.GetProperty("ledgerTotalFen").GetInt64(), audit.GetProperty("liveTotalFen").GetInt64()));
    }

    [Fact]
    public async Task Bad_rehearsal_transitions_are_problems_and_change_nothing()
    {
        await DraftAsync("rehearsal-moves");
        using var admin = app.Admin();
        await AssertProblemAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearsal/reset", null), HttpStatusCode.Conflict, "活动不在彩排中");
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearse", null), "rehearsal");
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearse", null), "rehearsal"); // a repeat

        await AssertProblemAsync(await admin.PostAsync("/api/events/rehearsal-moves/open", null), HttpStatusCode.Conflict, "活动正在彩排");
        await AssertProblemAsync(await admin.PostAsync("/api/events/rehearsal-moves/close", null), HttpStatusCode.Conflict, "活动正在彩排");
        Assert.Equal("rehearsal", (await admin.GetFromJsonAsync<JsonElement>("/api/events/rehearsal-moves")).GetProperty("status").GetString());

        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearsal/reset", null), "draft");
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearsal/reset", null), "draft"); // a repeat
        await AssertOkAsync(await admin.PostAsync("/api/events/rehearsal-moves/open", null), "live");
        await AssertProblemAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearse", null), HttpStatusCode.Conflict, "活动已开播过，不能再彩排");
        await AssertProblemAsync(await admin.PostAsync("/api/events/rehearsal-moves/rehearsal/reset", null), HttpStatusCode.Conflict, "活动不在彩排中");
        await AssertProblemAsync(await admin.PostAsync("/api/events/no-such-gala/rehearse", null), HttpStatusCode.NotFound, "活动不存在");
        Assert.Equal("live", (await admin.GetFromJsonAsync<JsonElement>("/api/events/rehearsal-moves")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task With_a_real_payment_provider_a_rehearsal_takes_no_online_order()
    {
        await using var wechat = CharityDayApp.With([.. WeChatPayStandIn.ServerSettings(
            WeChatPayStandInKeys.Generate(), new Uri("https://charity.example.org/api/payments/wechatpay/notify"), new Uri("https://api.mch.weixin.qq.com"))
            .Select(s => (s.Key, s.Value))]);
        using var admin = wechat.Admin();
        (await admin.PostAsJsonAsync("/api/events", new { id = "rehearsal-wechat", title = "彩排晚会", goalFen = 100_000_000L })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/events/rehearsal-wechat/rehearse", null)).EnsureSuccessStatusCode();
        using var phone = wechat.Anonymous();

        var order = await phone.PostAsJsonAsync("/api/events/rehearsal-wechat/donations", Donations.Body(100_00, "网友"));

        await AssertProblemAsync(order, HttpStatusCode.Conflict, "彩排中只能用演示收银台捐款");
    }

    /// <summary>A draft event with desk-1; the desk's access code.</summary>
    private async Task<string> DraftAsync(string eventId)
    {
        using var admin = app.Admin();
        (await admin.PostAsJsonAsync("/api/events", new { id = eventId, title = "彩排晚会", goalFen = 100_000_000L, milestonesFen = new[] { 1_000_000_00L } }))
            .EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-1", name = "一号台" });
        desk.EnsureSuccessStatusCode();
        return (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
    }

    private async Task<JsonElement> SnapshotAsync(string eventId)
    {
        using var screen = app.Anonymous();
        return await screen.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total");
    }

    private static async Task AssertOkAsync(HttpResponseMessage answer, string status)
    {
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal(status, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string titleStart)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == status, $"{answer.StatusCode}: {body}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(titleStart, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
