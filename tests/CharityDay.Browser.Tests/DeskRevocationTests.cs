using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The admin signs a desk out (its code leaked, a tablet went missing): the operator's next call is
/// refused, the console says 「请重新登录」 and shows the sign-in form at once, and the pledge typed
/// meanwhile waits on the device and is sent after the operator signs in again.
/// </summary>
public sealed class DeskRevocationTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task A_desk_signed_out_by_the_admin_is_asked_to_sign_in_again_and_its_pledge_is_kept_and_sent()
    {
        var code = await stage.CreateLiveEventAsync("night-revoke");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await desk.SignInAsync("night-revoke", "desk-1", code);

        // The admin signs the desk out while its pledge is on the way: the revocation lands just before
        // the pledge reaches the server (the console also learns of it on its own polls, at a moment a
        // loaded machine would make a race of).
        await desk.Page.RouteAsync("**/api/events/night-revoke/pledges", async route =>
        {
            await stage.PostAsAdminAsync("/api/events/night-revoke/desks/desk-1/revoke");
            await route.ContinueAsync();
        }, new() { Times = 1 });
        await desk.PledgeAsync("50万", "撤销后的企业");

        await Expect(desk.Page.GetByTestId("login-message")).ToContainTextAsync("请重新登录");
        await Expect(desk.Page.GetByTestId("login-code")).ToBeVisibleAsync();
        await Expect(desk.Entry("撤销后的企业")).ToHaveAttributeAsync("data-state", "queued");
        await Browser.ScreenshotAsync(desk.Page, "operator-signed-out");

        await desk.Page.GetByTestId("login-code").FillAsync(code.ToLowerInvariant()); // case does not matter
        await desk.Page.GetByTestId("login-submit").ClickAsync();
        await Expect(desk.Entry("撤销后的企业")).ToHaveAttributeAsync("data-state", "confirmed", new() { Timeout = 30_000 });
        Assert.Equal(1, (await stage.SettledAuditAsync("night-revoke")).GetProperty("ledgerPledgeCount").GetInt64());
    }
}
