using Microsoft.Playwright;

namespace CharityDay.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (the package's own browser download does not work here),
/// headless, with the flags that keep it off the network, and the venue's LAN name mapped to loopback.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>
    /// The name the stage desks and phones use on the venue Wi-Fi. Plain HTTP on a name that is not
    /// localhost is not a secure context, so the pages lose what browsers keep for those
    /// (<c>crypto.randomUUID</c> among them), exactly as on the night.
    /// </summary>
    public const string VenueHost = "charity-night.venue";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Screenshots land in the build output (not in the repository): …/bin/…/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHARITYDAY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--host-resolver-rules=MAP {VenueHost} 127.0.0.1"],
        });
    }

    public async Task<IPage> OpenAsync(Uri url, int width, int height)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new InvalidOperationException($"The page opened a dialog: {dialog.Message}");
        await page.GotoAsync(url.ToString());
        return page;
    }

    /// <summary>Fails unless the page is on the venue's LAN name and the browser does not count it as secure.</summary>
    public static async Task AssertOnVenueLanAsync(IPage page)
    {
        Assert.Equal(VenueHost, new Uri(page.Url).Host);
        Assert.False(await page.EvaluateAsync<bool>("window.isSecureContext"), $"{page.Url} is a secure context: the test would not see the venue's browser.");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }
}
