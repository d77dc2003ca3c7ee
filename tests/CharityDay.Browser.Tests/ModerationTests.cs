using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The moderator at the keyboard of /moderate, on the venue LAN: a name a donor typed online waits as
/// 爱心人士 until approved, leaves every running screen when hidden, and shows corrected when renamed.
/// </summary>
public sealed class ModerationTests(Stage stage) : IClassFixture<Stage>
{
    private const string EventId = "night-moderation";
    private const string TypedName = "网友小李";
    private const string CorrectedName = "小李科技有限公司";
    private const string StandIn = "爱心人士";

    [Fact]
    public async Task The_moderator_approves_hides_and_renames_from_the_keyboard_and_the_wall_and_phone_follow()
    {
        await stage.CreateLiveEventAsync(EventId);
        var moderatorCode = await IssueModeratorCodeAsync();
        var wall = await stage.Browser.OpenAsync(stage.VenueUrl($"/screen/{EventId}"), 1920, 1080);
        var phone = await stage.Browser.OpenAsync(stage.VenueUrl($"/e/{EventId}"), 390, 844);

        await stage.DonateAsync(EventId, 520_00, TypedName);
        await Expect(wall.GetByTestId("feed-name").First).ToHaveTextAsync(StandIn);

        var console = await OpenConsoleWatchingCspAsync();
        await Browser.AssertOnVenueLanAsync(console);
        await console.GetByTestId("moderator-event").FillAsync(EventId);
        await console.GetByTestId("moderator-code").FillAsync(moderatorCode);
        await console.GetByTestId("moderator-signin").ClickAsync();
        var row = console.GetByTestId("moderator-row").Filter(new() { HasText = TypedName });
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(row.GetByTestId("moderator-amount")).ToHaveTextAsync("¥520.00");
        await Browser.ScreenshotAsync(console, "moderator-queue-1280x800");

        await console.Keyboard.PressAsync("a");
        await Expect(wall.GetByTestId("feed-name").First).ToHaveTextAsync(TypedName);

        // Every decision, not only the pending ones: the approved name is the selected row again.
        await console.Keyboard.PressAsync("l");
        await Expect(row).ToHaveAttributeAsync("data-state", "approved");
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        await console.Keyboard.PressAsync("h");
        await Expect(row).ToHaveAttributeAsync("data-state", "hidden");
        foreach (var screen in new[] { wall, phone })
        {
            await Expect(screen.GetByTestId("feed-name").Filter(new() { HasText = TypedName })).ToHaveCountAsync(0);
        }

        await console.Keyboard.PressAsync("r");
        var nameBox = console.GetByTestId("moderator-name-input");
        await Expect(nameBox).ToBeFocusedAsync();
        await nameBox.FillAsync(CorrectedName);
        await console.Keyboard.PressAsync("Enter");
        await Expect(row.GetByTestId("moderator-display-name")).ToContainTextAsync(CorrectedName);
        await Expect(wall.GetByTestId("feed-name").First).ToHaveTextAsync(CorrectedName);
        await Browser.ScreenshotAsync(console, "moderator-renamed-1280x800");
        var violations = await console.EvaluateAsync<string[]>("window.__violations");
        Assert.True(violations.Length == 0, $"/moderate: the CSP blocked {string.Join(", ", violations)}");
    }

    [Fact]
    public async Task A_wrong_code_is_refused_on_the_sign_in_form()
    {
        await stage.CreateLiveEventIfMissingAsync(EventId);
        var console = await stage.Browser.OpenAsync(stage.VenueUrl("/moderate"), 1280, 800);
        await console.GetByTestId("moderator-event").FillAsync(EventId);
        await console.GetByTestId("moderator-code").FillAsync("not-the-code");
        await console.GetByTestId("moderator-signin").ClickAsync();
        await Expect(console.GetByTestId("moderator-signin-error")).ToHaveTextAsync("活动或访问码错误");
        await Expect(console.GetByTestId("moderator-console")).ToBeHiddenAsync();
    }

    /// <summary>The console on the venue LAN, keeping every CSP violation from the first script on.</summary>
    private async Task<IPage> OpenConsoleWatchingCspAsync()
    {
        var context = await stage.Browser.Chromium.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
            """);
        var response = await page.GotoAsync(stage.VenueUrl("/moderate").ToString());
        Assert.Contains("connect-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        return page;
    }

    private async Task<string> IssueModeratorCodeAsync()
    {
        using var admin = stage.Server.Client(ServerProcess.TestAdminKey);
        var issued = await admin.PostAsync($"/api/events/{EventId}/staff/moderator/code", null);
        return (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
    }
}
