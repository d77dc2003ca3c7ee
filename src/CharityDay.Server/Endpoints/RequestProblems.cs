using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Refusals of a request as a whole (too big, wrong content type), titled Chinese first like every
/// other problem, and the status-code page that gives an empty error answer the same form.
/// </summary>
internal static class RequestProblems
{
    public const string NothingRecorded = "未记录任何内容 (nothing was recorded)";

    public static ProblemHttpResult BodyTooLarge(long limitBytes) => TypedResults.Problem(
        $"请求体超过此路径的上限 {limitBytes / 1024} KB；{NothingRecorded}. The body exceeds this route's {limitBytes / 1024} KB limit.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求体过大 (request body too large)");

    public static ProblemHttpResult UriTooLong(int limitBytes) => TypedResults.Problem(
        $"网址超过 {limitBytes / 1024} KB；{NothingRecorded}. The URL exceeds {limitBytes / 1024} KB.",
        statusCode: StatusCodes.Status414UriTooLong, title: "网址过长 (URL too long)");

    public static ProblemHttpResult HeadersTooLarge(int limitBytes) => TypedResults.Problem(
        $"请求头合计超过 {limitBytes / 1024} KB；{NothingRecorded}. The headers exceed {limitBytes / 1024} KB in all.",
        statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "请求头过大 (request headers too large)");

    public static ProblemHttpResult NotJson() => TypedResults.Problem(
        $"请求体须为 JSON (Content-Type: application/json)；{NothingRecorded}.",
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "请求体须为 JSON (unsupported media type)");

    /// <summary>
    /// For an error answered without a body (the framework's own 413 when Kestrel stops a chunked body,
    /// a 404 of an unknown path): the Chinese-first form where there is one, the framework's otherwise.
    /// </summary>
    public static async Task WriteStatusPageAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var statusCode = context.Response.StatusCode;
        ProblemHttpResult? answer = statusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => BodyTooLarge(RequestBodyLimits.For(context.Request.Path)),
            StatusCodes.Status415UnsupportedMediaType => NotJson(),
            _ => null,
        };
        if (answer is not null)
        {
            await answer.ExecuteAsync(context);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = statusCode } }))
        {
            await context.Response.WriteAsync($"{statusCode} {ReasonPhrases.GetReasonPhrase(statusCode)}");
        }
    }
}
