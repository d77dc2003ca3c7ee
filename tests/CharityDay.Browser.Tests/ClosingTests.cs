using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>After the close: reopening is the admin's own, confirmed action, and only the admin may void.</summary>
public sealed class ClosingTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task A_draft_is_opened_but_a_closed_event_is_reopened_by_its_own_action_confirmed_in_the_page()
    {
        await stage.CreateDraftEventAsync("night-draft");
        var draft = await AdminConsole.OpenAsync(stage, "night-draft");
        await Expect(draft.Status).ToHaveAttributeAsync("data-status", "draft");
        await Expect(draft.Page.GetByTestId("open-event")).ToBeVisibleAsync();
        await Expect(draft.Page.GetByTestId("reopen-event")).ToBeHiddenAsync();

        await stage.CreateLiveEventAsync("night-reopen");
        await stage.PostAsAdminAsync("/api/events/night-reopen/close");
        var admin = await AdminConsole.OpenAsync(stage, "night-reopen");
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "closed");
        await Expect(admin.Page.GetByTestId("open-event")).ToBeHiddenAsync();

        await admin.Page.GetByTestId("reopen-event").ClickAsync();
        var dialog = admin.Page.GetByTestId("reopen-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("重新开放");
        await Browser.ScreenshotAsync(admin.Page, "admin-reopen-confirm");
        Assert.Equal("closed", await stage.EventStatusAsync("night-reopen"));

        await admin.Page.GetByTestId("reopen-confirm").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "live");
        Assert.Equal("live", await stage.EventStatusAsync("night-reopen"));
        await Expect(admin.Page.GetByTestId("close-event")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_operator_void_after_the_close_shows_the_servers_reason_and_voids_nothing()
    {
        var code = await stage.CreateLiveEventAsync("night-closed-void");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await desk.SignInAsync("night-closed-void", "desk-1", code);
        await desk.PledgeAsync("100万", "晚到集团");
        await Expect(desk.Entry("晚到集团")).ToHaveAttributeAsync("data-state", "confirmed");
        await stage.PostAsAdminAsync("/api/events/night-closed-void/close");

        var row = desk.Page.GetByTestId("desk-pledge").Filter(new LocatorFilterOptions { HasText = "晚到集团" });
        await row.GetByTestId("void").ClickAsync();
        await desk.Page.GetByTestId("void-reason").FillAsync("录入错误");
        await desk.Page.GetByTestId("void-ok").ClickAsync();

        var dialog = desk.Page.GetByTestId("void-dialog");
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("活动已结束，只有管理员可以作废");
        await Browser.ScreenshotAsync(desk.Page, "operator-void-after-close");
        var audit = await stage.SettledAuditAsync("night-closed-void");
        Assert.Equal(1_000_000_00, audit.GetProperty("ledgerTotalFen").GetInt64());
    }
}
