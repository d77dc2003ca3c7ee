using System.Diagnostics;

namespace CharityDay.Server.Telemetry;

/// <summary>
/// Watches every answer from the outside of the pipeline, so it also sees the 503 that the exception
/// handler writes and the 429 of the rate limiter: 4xx counts as refused, 5xx as failed, and a pledge
/// or donation's time to its answer goes to the acknowledgement histogram. One place instead of a line
/// in every handler.
/// </summary>
internal sealed class AnswerMetricsMiddleware(RequestDelegate next)
{
    // The intake routes as PledgesApi and DonationsApi map them; the metrics test fails if they move.
    private const string PledgesRoute = "/api/events/{eventId}/pledges";
    private const string DonationsRoute = "/api/events/{eventId}/donations";
    private const string NoticeRoute = Endpoints.DonationsApi.NoticePath;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();

        // Read before the request runs: the exception handler clears the endpoint when it takes over.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        try
        {
            await next(context);
        }
        catch
        {
            Record(context, route, StatusCodes.Status500InternalServerError, started);
            throw;
        }

        Record(context, route, context.Response.StatusCode, started);
    }

    private static void Record(HttpContext context, string? route, int status, long started)
    {
        // A sender that hung up (499) was not refused by us and got no answer to count.
        var abandoned = context.RequestAborted.IsCancellationRequested || status == StatusCodes.Status499ClientClosedRequest;
        // A node answering its balancer "not ready" (503 while it drains or Redis is down) refused no one.
        var healthCheck = context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);
        if (!abandoned && !healthCheck && status >= 400)
        {
            var tags = new TagList { { "http.response.status_code", status } };
            if (route is not null)
            {
                tags.Add("http.route", route);
            }

            (status < 500 ? ApiMetrics.Refused : ApiMetrics.Failed).Add(1, tags);
        }

        if (HttpMethods.IsPost(context.Request.Method) && ChannelOf(route) is { } channel)
        {
            ApiMetrics.AckDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("channel", channel),
                new KeyValuePair<string, object?>("outcome", abandoned ? "abandoned" : OutcomeOf(status)));
        }
    }

    private static string? ChannelOf(string? route) => route switch
    {
        PledgesRoute => "stage",
        DonationsRoute => "online",
        NoticeRoute => "payment",
        _ => null,
    };

    /// <summary>
    /// 201 is a new pledge in the ledger, 200 a retry answered with the first result, 202 a new online
    /// order awaiting payment, 204 a payment notice taken (the donation is in the ledger).
    /// </summary>
    private static string OutcomeOf(int status) => status switch
    {
        StatusCodes.Status201Created or StatusCodes.Status204NoContent => "recorded",
        StatusCodes.Status202Accepted => "ordered",
        StatusCodes.Status200OK => "replayed",
        >= 500 => "failed",
        >= 400 => "refused",
        _ => "other",
    };
}
