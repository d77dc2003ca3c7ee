using System.Net;

namespace CharityDay.Server.Tests;

/// <summary>
/// The wall's service worker is built next to the other assets under <c>/app</c> but controls the
/// wall's pages under <c>/screen/</c>: only its file may claim that scope, and it is never cached
/// for long (a new build must reach the wall on its next load).
/// </summary>
public sealed class WallWorkerHeadersTests : IAsyncLifetime
{
    private readonly string _pages = Directory.CreateTempSubdirectory("charityday-wall-worker-").FullName;
    private CharityDayApp _app = null!;

    public Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_pages, "index.html"), "<!doctype html><meta charset=\"utf-8\">");
        File.WriteAllText(Path.Combine(_pages, "screen-sw.js"), "self.addEventListener('fetch', () => {});");
        Directory.CreateDirectory(Path.Combine(_pages, "assets"));
        File.WriteAllText(Path.Combine(_pages, "assets", "screen-1a2b.js"), "export {};");
        _app = CharityDayApp.With(("CharityDay:StageDisplayPath", _pages));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_pages, recursive: true);
    }

    [Fact]
    public async Task The_wall_worker_may_control_the_screen_pages_and_is_revalidated_on_every_load()
    {
        using var worker = await _app.Anonymous().GetAsync("/app/screen-sw.js");
        using var asset = await _app.Anonymous().GetAsync("/app/assets/screen-1a2b.js");

        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("/screen/", Assert.Single(worker.Headers.GetValues("Service-Worker-Allowed")));
        Assert.True(worker.Headers.CacheControl?.NoCache, "the worker must be revalidated on every load");
        Assert.Equal("nosniff", Assert.Single(worker.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(asset.Headers.Contains("Service-Worker-Allowed"), "only the wall's worker may claim the wall's scope");
    }
}
