using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Serves the built browser apps (stage-display/dist, copied next to the server by the build):
/// assets under <c>/app</c>, and each page at its own route. Everything is local: the venue may
/// have no internet. A page reached either way (its route or the build's <c>/app/*.html</c> copy)
/// gets the same headers.
/// </summary>
public static class StageDisplayHosting
{
    // connect-src 'self' covers the hub's same-origin WebSocket too (CSP Level 3 lets 'self' match
    // ws: on this host and port, checked in Chromium by PagePolicyTests); a bare ws: would let a page
    // talk to any host on the venue network.
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The wall's service worker lives with the other built files under /app but must control the
    // wall's pages under /screen/: this header allows that scope, and no wider (never the desks' pages).
    private const string WallWorkerFile = "screen-sw.js";
    private const string WallWorkerScope = "/screen/";

    private static readonly (string Route, string Page)[] Pages =
    [
        ("/", "index.html"),
        ("/screen/{eventId}", "screen.html"),
        ("/e/{eventId}", "viewer.html"),
        ("/operator", "operator.html"),
        ("/moderate", "moderate.html"),
        ("/control", "control.html"),
        ("/control/{eventId}", "control.html"),
        ("/admin", "admin.html"),
    ];

    public static void MapStageDisplay(this WebApplication app)
    {
        var root = app.Configuration["CharityDay:StageDisplayPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "stage-display");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("The stage display is not built at {Root}: build the server project (it runs npm) to get the pages", root);
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Directory.CreateDirectory(root).FullName),
            RequestPath = "/app",
            OnPrepareResponse = context =>
            {
                // File names under assets/ carry a content hash, so they never change.
                context.Context.Response.Headers.CacheControl = context.File.PhysicalPath?.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal) == true
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                AddHeaders(context.Context.Response, isPage: context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase));
                if (string.Equals(context.File.Name, WallWorkerFile, StringComparison.Ordinal))
                {
                    // no-cache above: a new build's worker reaches the wall on its next load.
                    context.Context.Response.Headers["Service-Worker-Allowed"] = WallWorkerScope;
                }
            },
        });

        foreach (var (route, page) in Pages)
        {
            app.MapGet(route, (HttpContext context) => ServePage(context, Path.Combine(root, page))).ExcludeFromDescription();
        }
    }

    private static IResult ServePage(HttpContext context, string path)
    {
        if (!File.Exists(path))
        {
            return TypedResults.Problem("Build the server project, which builds stage-display with npm.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "页面尚未构建 (the pages are not built)");
        }

        context.Response.Headers.CacheControl = "no-cache";
        AddHeaders(context.Response, isPage: true);
        return TypedResults.PhysicalFile(path, "text/html; charset=utf-8");
    }

    /// <summary>
    /// No sniffing and no referrer (a page's address names the event, a desk's query string may too) on
    /// everything served; the CSP, which forbids framing, on pages.
    /// </summary>
    private static void AddHeaders(HttpResponse response, bool isPage)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (isPage)
        {
            response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        }
    }
}
