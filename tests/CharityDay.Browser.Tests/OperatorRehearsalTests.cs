using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The desk in a rehearsal: it records as when live under a loud 「彩排 REHEARSAL」 mark, and a
/// rehearsal pledge still waiting on the device when the admin resets the rehearsal is thrown away,
/// with a notice, never sent into the real night.
/// </summary>
public sealed class OperatorRehearsalTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task A_rehearsal_pledge_left_unsent_at_the_reset_is_discarded_and_never_counts()
    {
        var code = await stage.CreateDraftEventAsync("night-desk-rehearsal");
        await stage.PostAsAdminAsync("/api/events/night-desk-rehearsal/rehearse");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await Browser.AssertOnVenueLanAsync(desk.Page);
        await desk.SignInAsync("night-desk-rehearsal", "desk-1", code);
        await Expect(desk.Page.GetByTestId("rehearsal-mark")).ToHaveTextAsync("彩排 REHEARSAL");
        await Expect(desk.Page.GetByTestId("event-not-live")).ToBeHiddenAsync();

        await desk.PledgeAsync("10万", "彩排集团");
        await Expect(desk.Entry("彩排集团")).ToHaveAttributeAsync("data-state", "confirmed");

        // The Wi-Fi drops for pledges: the next rehearsal pledge waits on the device.
        await desk.Page.RouteAsync("**/api/events/*/pledges", route => route.AbortAsync());
        await desk.PledgeAsync("20万", "未发送彩排集团");
        await Expect(desk.Entry("未发送彩排集团")).ToHaveAttributeAsync("data-state", "queued");
        await Expect(desk.Entry("未发送彩排集团").GetByTestId("queue-rehearsal")).ToBeVisibleAsync();

        await stage.PostAsAdminAsync("/api/events/night-desk-rehearsal/rehearsal/reset");
        var notice = desk.Page.GetByTestId("rehearsal-discarded");
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await Expect(notice).ToHaveAttributeAsync("data-count", "1");
        await Expect(desk.Entry("未发送彩排集团")).ToHaveCountAsync(0);
        await Expect(desk.Page.GetByTestId("rehearsal-mark")).ToBeHiddenAsync();
        Assert.DoesNotContain(await desk.StoredQueueAsync("night-desk-rehearsal", "desk-1"), pledge => pledge.Body.DonorName == "未发送彩排集团");
        await Browser.ScreenshotAsync(desk.Page, "operator-rehearsal-discarded");

        // The network is back and the show opens: nothing of the rehearsal reaches the real ledger.
        await desk.Page.UnrouteAllAsync();
        await stage.PostAsAdminAsync("/api/events/night-desk-rehearsal/open");
        await desk.PledgeAsync("30万", "正式集团");
        await Expect(desk.Entry("正式集团")).ToHaveAttributeAsync("data-state", "confirmed");
        var audit = await stage.SettledAuditAsync("night-desk-rehearsal");
        Assert.Equal(1, audit.GetProperty("ledgerPledgeCount").GetInt64());
        Assert.Equal(30_000_000L, audit.GetProperty("ledgerTotalFen").GetInt64());
    }
}
