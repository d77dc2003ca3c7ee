using CharityDay.Contracts;
using CharityDay.Grains.Events;
using CharityDay.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The admin's desks and their access: add a desk, list the desks, rotate a desk's code, revoke its
/// tokens. A code is made here and shown in the answer that made it — when the desk is created and
/// when the code is rotated — and never again: the event grain keeps only its salted hash.
/// </summary>
public static class DeskAccessApi
{
    public static void MapDeskAccessApi(this RouteGroupBuilder events)
    {
        events.MapPost("/{eventId}/desks", AddDeskAsync).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapGet("/{eventId}/desks", ListDesksAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPost("/{eventId}/desks/{deskId}/code", RotateCodeAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPost("/{eventId}/desks/{deskId}/revoke", RevokeTokensAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<DeskAccessView>, ValidationProblem, ProblemHttpResult>> AddDeskAsync(
        string eventId, CreateDeskRequest request, EventCatalog catalog, IGrainFactory grains)
    {
        var errors = new InputErrors();
        if (!InputRules.IsSlug(request.DeskId) || OnlineShard.IsOnline(request.DeskId!))
        {
            errors.Add("deskId", "录入台编号只能用小写字母、数字和连字符，且不能以 online- 开头 (slug, not starting with online-)");
        }

        var name = InputRules.Text(errors, "name", request.Name, InputRules.NameMaxLength, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var code = AccessCodes.New();
        var change = await grains.GetGrain<IEventGrain>(eventId).AddDeskAsync(request.DeskId!, name!, AccessCodes.Hash(code));
        return change.Kind switch
        {
            EventChangeKind.Done => TypedResults.Created($"/api/events/{eventId}/desks/{request.DeskId}", new DeskAccessView(request.DeskId!, name!, code)),
            EventChangeKind.DeskExists => Problems.Conflict("录入台编号已存在 (desk exists)", $"Desk '{request.DeskId}' already exists."),
            _ => Problems.EventNotFound(eventId),
        };
    }

    private static async Task<Results<Ok<DeskView[]>, ProblemHttpResult>> ListDesksAsync(string eventId, EventCatalog catalog) =>
        await catalog.CurrentAsync(eventId) is { } definition
            ? TypedResults.Ok(definition.Desks.Select(d => new DeskView(d.DeskId, d.Name)).ToArray())
            : Problems.EventNotFound(eventId);

    /// <summary>A new code for the desk, shown in this answer only; the old one stops working at once. Signed-in operators stay signed in.</summary>
    private static async Task<Results<Ok<DeskAccessView>, ProblemHttpResult>> RotateCodeAsync(
        string eventId, string deskId, EventCatalog catalog, IGrainFactory grains, DeskTokenGenerations generations)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var code = AccessCodes.New();
        var change = await grains.GetGrain<IEventGrain>(eventId).SetDeskCodeAsync(deskId, AccessCodes.Hash(code));
        generations.Forget(eventId);
        return change switch
        {
            { Kind: EventChangeKind.Done, Event: { } definition } =>
                TypedResults.Ok(new DeskAccessView(deskId, definition.Desks.First(d => d.DeskId == deskId).Name, code)),
            { Kind: EventChangeKind.DeskNotFound } => Problems.DeskNotFound(deskId),
            _ => Problems.EventNotFound(eventId),
        };
    }

    /// <summary>
    /// Every token issued for the desk so far is refused: on this node at once, on the others within
    /// <see cref="TokenGenerations.RecheckAfter"/>. Its operators see 「请重新登录」 and sign in again
    /// (with a rotated code, if the old one is what leaked); their unsent pledges wait on their devices.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokensAsync(
        string eventId, string deskId, EventCatalog catalog, IGrainFactory grains, DeskTokenGenerations generations)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var change = await grains.GetGrain<IEventGrain>(eventId).RevokeDeskTokensAsync(deskId);
        generations.Forget(eventId);
        return change.Kind switch
        {
            EventChangeKind.Done => TypedResults.NoContent(),
            EventChangeKind.DeskNotFound => Problems.DeskNotFound(deskId),
            _ => Problems.EventNotFound(eventId),
        };
    }
}
