using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

public sealed class EventAdminTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task Created_events_are_listed_and_an_edit_changes_title_and_goal_but_not_desks()
    {
        await app.CreateLiveEventAsync("admin-edit", "desk-a");
        using var admin = app.Admin();

        var edited = await admin.PutAsJsonAsync("/api/events/admin-edit", new { title = "改名后的晚会", goalFen = 200_000_000L, tiersFen = new[] { 10_000_00L }, milestonesFen = Array.Empty<long>() });
        var badEdit = await admin.PutAsJsonAsync("/api/events/admin-edit", new { title = "", goalFen = 0L });
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEdit.StatusCode);
        var item = Assert.Single(list.EnumerateArray(), e => e.GetProperty("id").GetString() == "admin-edit");
        Assert.Equal("改名后的晚会", item.GetProperty("title").GetString());
        Assert.Equal(200_000_000L, item.GetProperty("goalFen").GetInt64());
        var view = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/admin-edit");
        Assert.Equal("desk-a", Assert.Single(view.GetProperty("desks").EnumerateArray()).GetProperty("deskId").GetString());
        Assert.Equal("live", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Hiding_donor_names_hides_them_in_the_total_and_the_round_title_reaches_the_screen()
    {
        var codes = await app.CreateLiveEventAsync("admin-screen", "desk-a");
        using var desk = await app.OperatorAsync("admin-screen", "desk-a", codes["desk-a"]);
        (await desk.PostAsJsonAsync("/api/events/admin-screen/pledges", Pledges.Stage("desk-a", 1_000_00, donorName: "不愿露名集团"))).EnsureSuccessStatusCode();
        using var admin = app.Admin();
        var before = await Eventually.ReadAsync(
            () => app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/admin-screen/total"), total => total.GetProperty("pledgeCount").GetInt64() == 1);

        var set = await admin.PutAsJsonAsync("/api/events/admin-screen/screen", new { roundTitle = "千万级爱心企业认捐", showDonorNames = false });
        var after = await Eventually.ReadAsync(
            () => app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/admin-screen/total"),
            total => !total.GetProperty("screen").GetProperty("showDonorNames").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("不愿露名集团", before.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("不愿露名集团", after.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("爱心企业", Assert.Single(after.GetProperty("recent").EnumerateArray()).GetProperty("displayName").GetString());
        Assert.Equal("千万级爱心企业认捐", after.GetProperty("screen").GetProperty("roundTitle").GetString());
        Assert.True(after.GetProperty("version").GetInt64() > before.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_operator_sees_the_own_desks_pledges_with_voids_but_not_another_desks()
    {
        var codes = await app.CreateLiveEventAsync("admin-desklist", "desk-a", "desk-b");
        using var deskA = await app.OperatorAsync("admin-desklist", "desk-a", codes["desk-a"]);
        using var deskB = await app.OperatorAsync("admin-desklist", "desk-b", codes["desk-b"]);
        var first = Pledges.NewId();
        (await deskA.PostAsJsonAsync("/api/events/admin-desklist/pledges", Pledges.Stage("desk-a", 1_000_00, first))).EnsureSuccessStatusCode();
        (await deskA.PostAsJsonAsync("/api/events/admin-desklist/pledges", Pledges.Stage("desk-a", 2_000_00))).EnsureSuccessStatusCode();
        (await deskA.PostAsJsonAsync($"/api/events/admin-desklist/pledges/{first}/void", new { reason = "重复录入" })).EnsureSuccessStatusCode();

        var own = await deskA.GetFromJsonAsync<JsonElement>("/api/events/admin-desklist/desks/desk-a/pledges");
        var other = await deskB.GetAsync("/api/events/admin-desklist/desks/desk-a/pledges");

        var rows = own.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(2_000_00, rows[0].GetProperty("pledge").GetProperty("amountFen").GetInt64());
        Assert.Equal("voided", rows[1].GetProperty("pledge").GetProperty("status").GetString());
        Assert.Equal("重复录入", rows[1].GetProperty("voidReason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}
