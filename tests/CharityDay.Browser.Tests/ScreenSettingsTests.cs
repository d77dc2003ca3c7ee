using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>What the admin changes for the big screen reaches the screens and phones already running.</summary>
public sealed class ScreenSettingsTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task Hiding_donor_names_reaches_a_running_screen_and_phone_and_showing_them_brings_them_back()
    {
        var code = await stage.CreateLiveEventAsync("night-names");
        var screen = await stage.Browser.OpenAsync(stage.VenueUrl("/screen/night-names"), 1920, 1080);
        var phone = await stage.Browser.OpenAsync(stage.VenueUrl("/e/night-names"), 390, 844);
        await stage.PledgeAtDeskAsync("night-names", code, 5_000_000_00, "宏达实业集团");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥500万");
        foreach (var page in new[] { screen, phone })
        {
            await Expect(page.GetByTestId("feed-name").First).ToHaveTextAsync("宏达实业集团");
            await MarkDocumentAsync(page);
        }

        await stage.SetScreenAsync("night-names", showDonorNames: false);
        foreach (var page in new[] { screen, phone })
        {
            await Expect(page.GetByTestId("feed-name").First).ToHaveTextAsync("爱心企业");
        }

        await Browser.ScreenshotAsync(screen, "screen-names-hidden-1920x1080");
        await stage.SetScreenAsync("night-names", showDonorNames: true);
        foreach (var page in new[] { screen, phone })
        {
            await Expect(page.GetByTestId("feed-name").First).ToHaveTextAsync("宏达实业集团");
            Assert.True(await IsSameDocumentAsync(page), $"{page.Url} reloaded: a running screen must follow without one");
        }
    }

    private static async Task MarkDocumentAsync(IPage page) => await page.EvaluateAsync("window.charityDayTestMark = true");

    private static Task<bool> IsSameDocumentAsync(IPage page) => page.EvaluateAsync<bool>("window.charityDayTestMark === true");
}
