using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The console's guards on a night under pressure: a sign-out that would leave pledges unsent asks
/// first, a pledge from 1000万 up is stored only once the operator typed its first digit again, and an
/// admin's close shows at once.
/// </summary>
public sealed class OperatorComfortTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task Signing_out_with_pledges_waiting_asks_first_and_the_waiting_pledge_stays_on_the_device()
    {
        var code = await stage.CreateLiveEventAsync("night-signout");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await Browser.AssertOnVenueLanAsync(desk.Page);
        await desk.SignInAsync("night-signout", "desk-1", code);

        // Everything confirmed: no question, straight back to the sign-in.
        await desk.PledgeAsync("10万", "已确认集团");
        await Expect(desk.Entry("已确认集团")).ToHaveAttributeAsync("data-state", "confirmed");
        await desk.Page.GetByTestId("sign-out").ClickAsync();
        await Expect(desk.Page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await Expect(desk.Page.GetByTestId("sign-out-dialog")).ToBeHiddenAsync();
        await desk.SignInAsync("night-signout", "desk-1", code);

        // The venue Wi-Fi drops for pledges: the next one waits in the queue.
        await desk.Page.RouteAsync("**/api/events/*/pledges", route => route.AbortAsync());
        await desk.PledgeAsync("20万", "等待发送集团");
        await Expect(desk.Entry("等待发送集团")).ToHaveAttributeAsync("data-state", "queued");

        var signOut = desk.Page.GetByTestId("sign-out-dialog");
        await desk.Page.GetByTestId("sign-out").ClickAsync();
        await Expect(signOut).ToBeVisibleAsync();
        await Expect(signOut.GetByTestId("sign-out-waiting")).ToContainTextAsync("1 笔认捐还在等待发送");
        await Browser.ScreenshotAsync(desk.Page, "operator-sign-out-warning");
        await signOut.GetByTestId("sign-out-stay").ClickAsync();
        await Expect(signOut).ToBeHiddenAsync();
        await Expect(desk.Page.GetByTestId("amount")).ToBeVisibleAsync();

        await desk.Page.GetByTestId("sign-out").ClickAsync();
        await signOut.GetByTestId("sign-out-anyway").ClickAsync();
        await Expect(desk.Page.GetByTestId("login-submit")).ToBeVisibleAsync();
        var stored = await desk.StoredQueueAsync("night-signout", "desk-1");
        Assert.Equal("queued", stored.Single(pledge => pledge.Body.DonorName == "等待发送集团").State);
    }

    [Fact]
    public async Task A_pledge_from_1000_wan_is_recorded_only_after_its_first_digit_is_typed_again()
    {
        var code = await stage.CreateLiveEventAsync("night-large");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await Browser.AssertOnVenueLanAsync(desk.Page);
        await desk.SignInAsync("night-large", "desk-1", code);

        // Below 1000万 the read-back alone is enough.
        await desk.TypeAsync("500万", "五百万集团");
        await Expect(desk.Confirm.GetByTestId("confirm-digit-check")).ToBeHiddenAsync();
        await desk.Page.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(desk.Confirm).ToBeHiddenAsync();

        await desk.TypeAsync("1000万", "千万集团");
        await Expect(desk.Confirm.GetByTestId("confirm-capital")).ToHaveTextAsync("壹仟万元整");
        await Expect(desk.Confirm.GetByTestId("confirm-digit-check")).ToBeVisibleAsync();
        var ok = desk.Confirm.GetByTestId("confirm-ok");
        await ok.ClickAsync();
        await Expect(desk.Confirm.GetByTestId("confirm-error")).ToContainTextAsync("第一位数字不对");
        await desk.Confirm.GetByTestId("confirm-digit").FillAsync("2");
        await ok.ClickAsync();
        await Expect(desk.Confirm).ToBeVisibleAsync();
        Assert.Empty(await desk.StoredQueueAsync("night-large", "desk-1"));
        await Browser.ScreenshotAsync(desk.Page, "operator-large-pledge-check");

        await desk.Confirm.GetByTestId("confirm-digit").FillAsync("1");
        await desk.Confirm.GetByTestId("confirm-digit").PressAsync("Enter");
        await Expect(desk.Confirm).ToBeHiddenAsync();
        await Expect(desk.Entry("千万集团")).ToHaveAttributeAsync("data-state", "confirmed");
        var audit = await stage.SettledAuditAsync("night-large");
        Assert.Equal(10_000_000_00, audit.GetProperty("ledgerTotalFen").GetInt64());
        Assert.Equal(1, audit.GetProperty("ledgerPledgeCount").GetInt64());
    }

    [Fact]
    public async Task A_console_left_open_shows_the_close_within_seconds_without_typing_a_pledge()
    {
        var code = await stage.CreateLiveEventAsync("night-close-seen");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await desk.SignInAsync("night-close-seen", "desk-1", code);
        var notLive = desk.Page.GetByTestId("event-not-live");
        await Expect(notLive).ToBeHiddenAsync();

        // The periodic fetch of the event is 30 s apart: seeing it within 5 s means the live total told the console.
        await stage.PostAsAdminAsync("/api/events/night-close-seen/close");
        await Expect(notLive).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(notLive).ToHaveAttributeAsync("data-status", "closed");
        await Expect(notLive).ToContainTextAsync("已结束");
    }
}
