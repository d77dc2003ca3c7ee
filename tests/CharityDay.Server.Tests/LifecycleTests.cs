using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>Close means closed: a stray "open" cannot undo it, reopening is its own action, and after it only the admin voids.</summary>
public sealed class LifecycleTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task Open_on_a_closed_event_is_refused_and_reopen_makes_it_live_again()
    {
        await app.CreateLiveEventAsync("life-reopen", "desk-a");
        using var admin = app.Admin();
        (await admin.PostAsync("/api/events/life-reopen/close", null)).EnsureSuccessStatusCode();

        var open = await admin.PostAsync("/api/events/life-reopen/open", null);
        var stillClosed = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/events/life-reopen");
        var reopen = await admin.PostAsync("/api/events/life-reopen/reopen", null);
        var again = await admin.PostAsync("/api/events/life-reopen/reopen", null);

        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Equal("application/problem+json", open.Content.Headers.ContentType?.MediaType);
        Assert.Contains("重新开放", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("closed", stillClosed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.Equal("live", (await reopen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task After_the_close_an_operator_cannot_void_and_the_admin_can()
    {
        var codes = await app.CreateLiveEventAsync("life-void", "desk-a");
        using var desk = await app.OperatorAsync("life-void", "desk-a", codes["desk-a"]);
        var first = Pledges.NewId();
        var second = Pledges.NewId();
        (await desk.PostAsJsonAsync("/api/events/life-void/pledges", Pledges.Stage("desk-a", 1_000_00, first))).EnsureSuccessStatusCode();
        (await desk.PostAsJsonAsync("/api/events/life-void/pledges", Pledges.Stage("desk-a", 2_000_00, second))).EnsureSuccessStatusCode();
        using var admin = app.Admin();
        (await admin.PostAsync("/api/events/life-void/close", null)).EnsureSuccessStatusCode();

        var byOperator = await desk.PostAsJsonAsync($"/api/events/life-void/pledges/{first}/void", new { reason = "录入错误" });
        var byAdmin = await admin.PostAsJsonAsync($"/api/events/life-void/pledges/{second}/void", new { reason = "录入错误" });

        Assert.Equal(HttpStatusCode.Conflict, byOperator.StatusCode);
        Assert.Contains("只有管理员可以作废", await byOperator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var audit = await Eventually.ReadAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/events/life-void/audit"), audit => audit.GetProperty("agrees").GetBoolean());
        Assert.Equal((1_000_00L, 1L), (audit.GetProperty("ledgerTotalFen").GetInt64(), audit.GetProperty("ledgerPledgeCount").GetInt64()));
    }
}
