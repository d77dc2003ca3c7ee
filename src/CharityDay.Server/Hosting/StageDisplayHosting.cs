using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Serves the built browser apps (stage-display/dist, copied next to the server by the build):
/// assets under <c>/app</c>, and each page at its own route. Everything is local: the venue may
/// have no internet.
/// </summary>
public static class StageDisplayHosting
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly (string Route, string Page)[] Pages =
    [
        ("/", "index.html"),
        ("/screen/{eventId}", "screen.html"),
        ("/e/{eventId}", "viewer.html"),
        ("/operator", "operator.html"),
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
                // File names under assets/ carry a content hash, so they never change.
                context.Context.Response.Headers.CacheControl = context.File.PhysicalPath?.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal) == true
                    ? "public, max-age=31536000, immutable"
                    : "no-cache",
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
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.PhysicalFile(path, "text/html; charset=utf-8");
    }
}
