using Microsoft.Playwright;

namespace CharityDay.Browser.Tests;

/// <summary>
/// Chromium as <c>deploy/wall-kiosk.sh</c> starts it on a wall PC: the venue's LAN name mapped to
/// loopback, and that one plain-HTTP origin treated as secure, so the wall's service worker (its
/// offline shell) runs there. The flag names the origin, port included, so it is launched once the
/// server's port is known.
/// </summary>
internal sealed class WallBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private WallBrowser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<WallBrowser> LaunchAsync(Uri venueOrigin)
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHARITYDAY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--host-resolver-rules=MAP {Browser.VenueHost} 127.0.0.1",
                $"--unsafely-treat-insecure-origin-as-secure={venueOrigin.GetLeftPart(UriPartial.Authority)}"],
        });
        return new WallBrowser(playwright, chromium);
    }

    public async Task<IPage> OpenAsync(Uri url)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
