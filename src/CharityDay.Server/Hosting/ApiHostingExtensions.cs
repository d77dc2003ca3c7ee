using System.Text.Json.Serialization;
using CharityDay.Server.Endpoints;
using CharityDay.Server.Hubs;
using Microsoft.AspNetCore.Diagnostics;

namespace CharityDay.Server.Hosting;

/// <summary>JSON, problem details, OpenAPI and SignalR for the HTTP side; and the map of every route.</summary>
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
        builder.Services.AddHostedService<DemoEventSeeder>();
        builder.AddCharityDayBaselines();
    }

    public static void MapCharityDayApi(this WebApplication app)
    {
        app.MapCharityDayTelemetry();
        app.UseExceptionHandler(handler => handler.Run(WriteUnavailableAsync));
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapAuthApi();
        app.MapEventsApi();
        app.MapPledgesApi();
        app.MapLedgerApi();
        app.MapCharityDayBaselines();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapStageDisplay();
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
