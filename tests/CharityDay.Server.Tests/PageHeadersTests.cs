using System.Net;

namespace CharityDay.Server.Tests;

/// <summary>
/// Every way to a page gets the same protection: the page routes and the <c>/app/*.html</c> copies
/// the build leaves next to the assets carry the CSP (no framing, connections to this origin only),
/// <c>nosniff</c> and no referrer.
/// </summary>
public sealed class PageHeadersTests : IAsyncLifetime
{
    private readonly string _pages = Directory.CreateTempSubdirectory("charityday-pages-").FullName;
    private CharityDayApp _app = null!;

    public Task InitializeAsync()
    {
        foreach (var page in new[] { "index.html", "screen.html", "viewer.html", "operator.html", "moderate.html", "control.html", "admin.html" })
        {
            File.WriteAllText(Path.Combine(_pages, page), "<!doctype html><meta charset=\"utf-8\"><script type=\"module\" src=\"/app/assets/page-1a2b.js\"></script>");
        }

        Directory.CreateDirectory(Path.Combine(_pages, "assets"));
        File.WriteAllText(Path.Combine(_pages, "assets", "page-1a2b.js"), "export {};");
        _app = CharityDayApp.With(("CharityDay:StageDisplayPath", _pages));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_pages, recursive: true);
    }

    [Theory]
    [InlineData("/screen/demo")]
    [InlineData("/e/demo")]
    [InlineData("/operator")]
    [InlineData("/moderate")]
    [InlineData("/control/demo")]
    [InlineData("/admin")]
    [InlineData("/")]
    [InlineData("/app/screen.html")]
    [InlineData("/app/viewer.html")]
    [InlineData("/app/operator.html")]
    [InlineData("/app/moderate.html")]
    [InlineData("/app/control.html")]
    [InlineData("/app/admin.html")]
    [InlineData("/app/index.html")]
    public async Task A_page_carries_the_csp_nosniff_and_no_referrer(string path)
    {
        using var response = await _app.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("connect-src 'self'", directives);
        Assert.Contains("default-src 'self'", directives);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_script_is_not_sniffed_and_sends_no_referrer()
    {
        using var response = await _app.Anonymous().GetAsync("/app/assets/page-1a2b.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
