using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// Two desks, one placard: when desk 2 types the donor and amount desk 1 recorded a minute ago, the
/// read-back says which desk, when and how much, and only a second, distinct button records it.
/// </summary>
public sealed class OperatorDuplicateTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task A_placard_already_recorded_at_another_desk_needs_a_second_confirmation_there()
    {
        var firstCode = await stage.CreateLiveEventAsync("night-duplicate");
        var secondCode = await AddDeskAsync("night-duplicate", "desk-2", "二号录入台");
        var first = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        var second = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await Browser.AssertOnVenueLanAsync(second.Page);
        await first.SignInAsync("night-duplicate", "desk-1", firstCode);
        await second.SignInAsync("night-duplicate", "desk-2", secondCode);

        await first.PledgeAsync("50万", "重复举牌集团");
        await Expect(first.Entry("重复举牌集团")).ToHaveAttributeAsync("data-state", "confirmed");

        await second.TypeAsync("50万", "重复举牌集团");
        var warning = second.Confirm.GetByTestId("confirm-duplicate");
        await Expect(warning).ToBeVisibleAsync();
        var match = warning.GetByTestId("confirm-duplicate-match");
        await Expect(match).ToHaveCountAsync(1);
        await Expect(match).ToContainTextAsync("一号录入台");
        await Expect(match).ToContainTextAsync("50万");
        await Expect(match).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{2}:\d{2}:\d{2}"));
        // The plain send button gives way: an Enter or a habitual click does not record it.
        await Expect(second.Confirm.GetByTestId("confirm-ok")).ToBeHiddenAsync();
        await second.Page.Keyboard.PressAsync("Enter");
        await Expect(second.Confirm).ToBeHiddenAsync(); // Enter on the focused 返回修改: back to the form
        Assert.Empty(await second.StoredQueueAsync("night-duplicate", "desk-2"));

        await second.Page.GetByTestId("submit").ClickAsync();
        await Expect(warning).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(second.Page, "operator-duplicate-warning");
        await second.Confirm.GetByTestId("confirm-duplicate-ok").ClickAsync();
        await Expect(second.Confirm).ToBeHiddenAsync();
        await Expect(second.Entry("重复举牌集团")).ToHaveAttributeAsync("data-state", "confirmed");

        // Another amount is recorded with no second question.
        await second.TypeAsync("60万", "重复举牌集团");
        await Expect(second.Confirm.GetByTestId("confirm-ok")).ToBeVisibleAsync();
        await Expect(warning).ToBeHiddenAsync();
        await second.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(second.Confirm).ToBeHiddenAsync();
        await Expect(second.Entry("重复举牌集团").And(second.Page.Locator("[data-state=confirmed]"))).ToHaveCountAsync(2);

        var audit = await stage.SettledAuditAsync("night-duplicate");
        Assert.Equal(3, audit.GetProperty("ledgerPledgeCount").GetInt64());
        Assert.Equal(160_000_000L, audit.GetProperty("ledgerTotalFen").GetInt64());
    }

    [Fact]
    public async Task An_unreachable_duplicate_check_never_stops_a_pledge()
    {
        var code = await stage.CreateLiveEventAsync("night-duplicate-down");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await desk.SignInAsync("night-duplicate-down", "desk-1", code);
        await desk.PledgeAsync("10万", "检查失灵集团");

        await desk.Page.RouteAsync("**/api/events/*/pledges/similar", route => route.AbortAsync());
        await desk.PledgeAsync("10万", "检查失灵集团");
        await Expect(desk.Page.GetByTestId("queue-entry").And(desk.Page.Locator("[data-state=confirmed]"))).ToHaveCountAsync(2);
    }

    private async Task<string> AddDeskAsync(string eventId, string deskId, string name)
    {
        using var admin = stage.Server.Client(ServerProcess.TestAdminKey);
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId, name });
        return (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
    }
}
