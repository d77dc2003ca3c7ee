using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The rehearsal as the admin runs it from the console: rehearse the draft, a desk records a pledge and
/// the wall marks it REHEARSAL; reset, open, and the night's first real pledge is all the audit and the
/// CSV export ever hold.
/// </summary>
public sealed class AdminRehearsalTests(Stage stage) : IClassFixture<Stage>
{
    private const string EventId = "night-admin-rehearsal";

    [Fact]
    public async Task A_rehearsal_run_from_the_console_leaves_nothing_in_the_audit_or_export_of_the_live_night()
    {
        var code = await stage.CreateDraftEventAsync(EventId);
        var admin = await AdminConsole.OpenAsync(stage, EventId);
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "draft");

        await admin.Page.GetByTestId("rehearse-event").ClickAsync();
        await Expect(admin.Page.GetByTestId("rehearse-dialog")).ToBeVisibleAsync();
        await admin.Page.GetByTestId("rehearse-confirm").ClickAsync();
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "rehearsal");
        await Expect(admin.Status).ToHaveTextAsync("彩排中");
        // The server refuses to open a rehearsal: the page offers only the reset and says so.
        await Expect(admin.Page.GetByTestId("open-event")).ToBeHiddenAsync();
        await Expect(admin.Page.GetByTestId("status-hint")).ToContainTextAsync("请先重置彩排");

        var wall = await stage.Browser.OpenAsync(stage.VenueUrl($"/screen/{EventId}"), 1920, 1080);
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await desk.SignInAsync(EventId, "desk-1", code);
        await desk.PledgeAsync("300万", "彩排集团");
        await Expect(wall.GetByTestId("rehearsal-mark")).ToBeVisibleAsync();
        await Expect(wall.GetByTestId("total")).ToHaveTextAsync("¥300万");
        await Browser.ScreenshotAsync(admin.Page, "admin-rehearsal");

        await admin.Page.GetByTestId("reset-rehearsal-event").ClickAsync();
        await Expect(admin.Page.GetByTestId("reset-rehearsal-question")).ToContainTextAsync("清除所有彩排数字");
        await admin.Page.GetByTestId("reset-rehearsal-confirm").ClickAsync();
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "draft");
        await Expect(wall.GetByTestId("rehearsal-mark")).ToBeHiddenAsync();

        await admin.Page.GetByTestId("open-event").ClickAsync();
        await admin.Page.GetByTestId("open-confirm").ClickAsync();
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "live");
        await stage.PledgeAtDeskAsync(EventId, code, 1_000_000_00, "正式集团");

        var audit = admin.Page.GetByTestId("audit");
        await Expect(audit).ToContainTextAsync("账本合计 ¥1,000,000.00（1 笔）");
        await Expect(audit).ToContainTextAsync("实时总额 ¥1,000,000.00（1 笔）");
        await Expect(admin.Page.GetByTestId("ledger-row")).ToHaveCountAsync(1);

        var download = await admin.Page.RunAndWaitForDownloadAsync(() => admin.Page.GetByTestId("download-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("正式集团", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("彩排集团", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length); // the header and the live pledge
    }
}
