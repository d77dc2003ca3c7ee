using System.Text.Json.Serialization;
using CharityDay.Grains.Storage;
using CharityDay.Server.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace CharityDay.Server.Hosting;

/// <summary>JSON, problem details, OpenAPI and SignalR for the HTTP side, and the request pipeline in front of every route.</summary>
public static class ApiHostingExtensions
{
    public static void AddCharityDayApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR().AddJsonProtocol(json =>
            json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton<EventCatalog>();
    }

    /// <summary>The client address from a trusted balancer first, then errors, rate limits and who is asking.</summary>
    public static void UseCharityDayPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.MapCharityDayTelemetry();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteUnavailableAsync,
            // A lost database file is logged once, by its guard, not once per refused request.
            SuppressDiagnosticsCallback = context => context.Exception is DatabaseFileLostException || context.Exception.InnerException is DatabaseFileLostException,
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    /// <summary>
    /// Anything unexpected (the database unreachable, a node going down) is a 503 that tells the sender
    /// to retry with the same id, which is always safe.
    /// </summary>
    private static Task WriteUnavailableAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException bad)
        {
            return Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "请求格式有误 (malformed request)").ExecuteAsync(context);
        }

        return Results.Problem(
            "The server could not confirm this request. Nothing is lost by retrying with the same id.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "暂时无法确认，请用同一编号重试 (temporarily unavailable; retry with the same id)").ExecuteAsync(context);
    }
}
