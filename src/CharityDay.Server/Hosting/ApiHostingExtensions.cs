using CharityDay.Grains.Storage;
using CharityDay.Server.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CharityDay.Server.Hosting;

/// <summary>JSON, problem details, OpenAPI and SignalR for the HTTP side, and the request pipeline in front of every route.</summary>
public static class ApiHostingExtensions
{
    public static void AddCharityDayApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => StrictJson.Apply(json.SerializerOptions));

        // Binding failures throw in every environment (the default is Development only), so JsonInputProblems can name the field.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<JsonInputProblems>();
        builder.Services.AddProblemDetails();
        builder.Services.Configure<KestrelServerOptions>(RequestBodyLimits.ConfigureKestrel);
        builder.Services.AddOpenApi(openApi => OpenApiWireSchemas.Apply(openApi));
        builder.Services.AddSignalR().AddJsonProtocol(json => StrictJson.Apply(json.PayloadSerializerOptions));
        builder.Services.AddSingleton<EventCatalog>();
        builder.Services.AddSingleton<SceneDataCache>();
        builder.Services.AddSingleton<SceneReads>();
    }

    /// <summary>The client address from a trusted balancer first, then errors, request limits, rate limits and who is asking.</summary>
    public static void UseCharityDayPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.MapCharityDayTelemetry();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteUnavailableAsync,
            // A lost database file is logged once, by its guard, not once per refused request; a body that
            // could not be read is the sender's mistake, answered by JsonInputProblems, not a server error.
            // (Setting this callback replaces the framework's default, which suppressed the latter.)
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService
                || context.Exception is DatabaseFileLostException || context.Exception.InnerException is DatabaseFileLostException,
        });
        app.UseStatusCodePages(RequestProblems.WriteStatusPageAsync);
        app.UseMiddleware<RequestBodyLimits>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    /// <summary>
    /// Anything unexpected (the database unreachable, a node going down) is a 503 that tells the sender
    /// to retry with the same id, which is always safe. A request that could not be read never gets here:
    /// <see cref="JsonInputProblems"/> answers it.
    /// </summary>
    private static Task WriteUnavailableAsync(HttpContext context) =>
        Results.Problem(
            "The server could not confirm this request. Nothing is lost by retrying with the same id.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "暂时无法确认，请用同一编号重试 (temporarily unavailable; retry with the same id)").ExecuteAsync(context);
}
