using CharityDay.Contracts;
using CharityDay.Grains.Scenes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// What the big screen's scenes show beyond the total (public, as the total is): the honour roll, the
/// thank-you roll, the tier round's pledges and the approved messages, of the run on screen, with names
/// as the feed shows them. Each answer is kept two seconds (<see cref="SceneDataCache"/>); walls fetch
/// a scene's data when they enter it and every few seconds while they show it.
/// </summary>
public static class ScenesApi
{
    public static void MapScenesApi(this IEndpointRouteBuilder app)
    {
        var scenes = app.MapGroup("/api/events/{eventId}/scenes").WithTags("Scenes");
        scenes.MapGet("/honour-roll", (string eventId, SceneReads reads) => reads.AnswerAsync(eventId, "honour-roll", (data, query, _) => data.HonourRollAsync(query)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        scenes.MapGet("/thanks", (string eventId, SceneReads reads) => reads.AnswerAsync(eventId, "thanks", (data, query, _) => data.ThanksAsync(query)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        scenes.MapGet("/round", (string eventId, SceneReads reads) => reads.AnswerAsync(eventId, "round", (data, query, show) => data.RoundAsync(query, show)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        scenes.MapGet("/messages", (string eventId, SceneReads reads) => reads.AnswerAsync(eventId, "messages", (data, query, _) => data.MessagesAsync(query)))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>The one way every scene is read: the event's run and name switches, then the cached query.</summary>
public sealed class SceneReads(EventCatalog catalog, IGrainFactory grains, SqlSceneData data, SceneDataCache cache)
{
    public async Task<Results<Ok<T>, ProblemHttpResult>> AnswerAsync<T>(
        string eventId, string scene, Func<SqlSceneData, SceneQuery, ShowState, Task<T>> read) where T : class
    {
        if (await catalog.CurrentAsync(eventId) is not { } definition)
        {
            return Problems.EventNotFound(eventId);
        }

        // The round's start is part of the key: a new round is never answered with the last one's pledges.
        var show = definition.ShowOrDefault;
        var key = scene == "round" ? $"round:{show.RoundStartedAt?.ToUnixTimeMilliseconds()}:{show.TierFen}" : scene;
        return TypedResults.Ok(await cache.GetAsync(eventId, key, async () =>
        {
            var settings = await grains.GetGrain<IModerationGrain>(eventId).GetSettingsAsync();
            var query = new SceneQuery(eventId, definition.CurrentRun, settings.ModerateStageNames, definition.ScreenOrDefault.ShowDonorNames);
            return await read(data, query, show);
        }));
    }
}
