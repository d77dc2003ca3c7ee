using CharityDay.Server.Endpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CharityDay.Server.Hosting;

/// <summary>
/// How big a request may be, by route, answered as problem+json before anything reads the body.
/// <list type="table">
/// <item><term>16 KB</term><description>pledges, voids, donations, desk sign-in, the baselines, any route not listed: a pledge is well under 1 KB</description></item>
/// <item><term>64 KB</term><description>the admin's event set-up under <c>/api/events</c> (titles, tiers, desks),
/// the payment provider's notices under <c>/api/payments</c> (read raw, not as our JSON), and <c>/hubs</c> (SignalR caps each message at 32 KB itself)</description></item>
/// <item><term>8 KB / 32 KB</term><description>the URL / all headers together, on every route</description></item>
/// </list>
/// Kestrel's own limits sit above these, so its bare answers (no body) are left for requests far past them.
/// </summary>
internal sealed class RequestBodyLimits(RequestDelegate next)
{
    public const long IntakeBytes = 16 * 1024;
    public const long SetupBytes = 64 * 1024;
    public const int UrlBytes = 8 * 1024;
    public const int HeaderBytes = 32 * 1024;

    /// <summary>Kestrel's request line, header and body limits: past ours, still far from the defaults' 30 MB body.</summary>
    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = 2 * HeaderBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = 2 * HeaderBytes;
        kestrel.Limits.MaxRequestBodySize = SetupBytes;
    }

    /// <summary>The body limit of the route at <paramref name="path"/>.</summary>
    public static long For(PathString path)
    {
        if (path.StartsWithSegments("/api/payments") || path.StartsWithSegments("/hubs"))
        {
            return SetupBytes;
        }

        return path.StartsWithSegments("/api/events", out var rest) && !IsIntake(rest) ? SetupBytes : IntakeBytes;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (UrlLength(context) > UrlBytes)
        {
            return RequestProblems.UriTooLong(UrlBytes).ExecuteAsync(context);
        }

        if (HeadersLength(request.Headers) > HeaderBytes)
        {
            return RequestProblems.HeadersTooLarge(HeaderBytes).ExecuteAsync(context);
        }

        var limit = For(request.Path);

        // Kestrel then stops a chunked body at the limit, and never reads the rest of one refused here.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        return request.ContentLength > limit ? RequestProblems.BodyTooLarge(limit).ExecuteAsync(context) : next(context);
    }

    /// <summary><c>/{eventId}/pledges…</c> or <c>/{eventId}/donations…</c> under <c>/api/events</c> (routing ignores case, so do we).</summary>
    private static bool IsIntake(PathString rest)
    {
        var segments = (rest.Value ?? "").Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2
            && (segments[1].Equals("pledges", StringComparison.OrdinalIgnoreCase) || segments[1].Equals("donations", StringComparison.OrdinalIgnoreCase));
    }

    private static int UrlLength(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } target
            ? target.Length
            : (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);

    private static long HeadersLength(IHeaderDictionary headers)
    {
        long length = 0;
        foreach (var (name, values) in headers)
        {
            length += name.Length + 4;
            foreach (var value in values)
            {
                length += value?.Length ?? 0;
            }
        }

        return length;
    }
}
