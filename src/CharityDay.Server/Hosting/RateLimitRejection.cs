using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Every 429 the server gives: a problem+json saying what was refused and when to try again, and the
/// same wait in <c>Retry-After</c> (whole seconds, at least one), so a page or a script can back off.
/// </summary>
public static class RateLimitRejection
{
    public static ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var (title, what) = policy switch
        {
            RateLimits.DonationOrders => ("捐款请求过于频繁，请稍后再试 (too many donation orders)", "Too many donation orders from this address"),
            RateLimits.DeskSignIn => ("尝试次数过多，请稍后再试 (too many sign-in attempts)", "Too many sign-in attempts from this address"),
            _ => ("连接过于频繁，请稍后再试 (too many new connections)", "Too many new connections from this address"),
        };
        return new ValueTask(Problem(context.HttpContext, title, what, wait).ExecuteAsync(context.HttpContext));
    }

    /// <summary>A 429 for <paramref name="wait"/>, its <c>Retry-After</c> header set on the response.</summary>
    public static ProblemHttpResult Problem(HttpContext context, string title, string what, TimeSpan wait)
    {
        var seconds = Seconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"{what}. Nothing was done; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: title);
    }

    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
