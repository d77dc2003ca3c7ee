using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The sign-in form fills in the one live event when the server's list arrives. An operator who has
/// already clicked into the box and types the id anyway must end up with what they typed, not the
/// suggestion with their typing appended (a fresh-clone run failed to sign in on "night-offlinenight-offline").
/// </summary>
public sealed class OperatorSignInTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task Typing_the_event_id_over_the_suggestion_that_arrived_meanwhile_replaces_it()
    {
        var code = await stage.CreateLiveEventAsync("night-suggest");
        var context = await stage.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var listAsked = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/events", async route =>
        {
            listAsked.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(stage.VenueUrl("/operator").ToString());
        await listAsked.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var eventBox = page.GetByTestId("login-event");
        await eventBox.FocusAsync();
        release.SetResult();
        await Expect(eventBox).ToHaveValueAsync("night-suggest");
        await page.Keyboard.TypeAsync("night-suggest");

        await Expect(eventBox).ToHaveValueAsync("night-suggest");
        await new OperatorConsole(page).SignInAsync("night-suggest", "desk-1", code);
    }
}
