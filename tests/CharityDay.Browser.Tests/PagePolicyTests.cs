using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The pages' Content-Security-Policy allows connections to their own origin only (<c>connect-src
/// 'self'</c>). On the venue's plain-HTTP LAN name the live hub must still connect by WebSocket:
/// Chromium counts a same-origin <c>ws:</c> as <c>'self'</c>, and nothing the page does is blocked.
/// Both ways to a page are checked: its route and the build's <c>/app/*.html</c> copy.
/// </summary>
public sealed class PagePolicyTests(Stage stage) : IClassFixture<Stage>
{
    [Theory]
    [InlineData("/screen/night-csp")]
    [InlineData("/app/screen.html?event=night-csp")]
    [InlineData("/e/night-csp")]
    public async Task The_live_hub_connects_by_websocket_under_the_pages_csp_and_nothing_is_blocked(string path)
    {
        await stage.CreateLiveEventIfMissingAsync("night-csp");
        var context = await stage.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        // Registered before the page's own scripts run, so every violation from the first one is kept.
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
            """);
        var framesFromHub = new ConcurrentQueue<string>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/live", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, frame) => framesFromHub.Enqueue(frame.Text ?? "");
            }
        };

        var response = await page.GotoAsync(stage.VenueUrl(path).ToString());
        await Browser.AssertOnVenueLanAsync(page);
        Assert.Contains("connect-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);

        // The hub's first frames (the handshake answer, then the snapshot) arrive over the socket itself.
        await Eventually.ReadAsync(() => Task.FromResult(framesFromHub.Count), count => count >= 2, $"frames from the live hub on {path}");
        await stage.DonateAsync("night-csp", 100_00);
        await Expect(page.GetByTestId("total")).Not.ToHaveTextAsync("¥0.00");
        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        Assert.True(violations.Length == 0, $"{path}: the CSP blocked {string.Join(", ", violations)}");
        await context.CloseAsync();
    }
}
