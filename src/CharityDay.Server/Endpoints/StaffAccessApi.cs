using CharityDay.Contracts;
using CharityDay.Grains.Events;
using CharityDay.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The admin's staff access, as for desks (<see cref="DeskAccessApi"/>): issue or rotate a role's code
/// (shown in that answer only; only its salted hash is kept), revoke the role's tokens, list the roles.
/// </summary>
public static class StaffAccessApi
{
    public static void MapStaffAccessApi(this RouteGroupBuilder events)
    {
        events.MapGet("/{eventId}/staff", ListAsync).RequireAuthorization(Roles.AdminPolicy);
        events.MapPost("/{eventId}/staff/{role}/code", IssueCodeAsync).RequireAuthorization(Roles.AdminPolicy);
        events.MapPost("/{eventId}/staff/{role}/revoke", RevokeTokensAsync).RequireAuthorization(Roles.AdminPolicy);
    }

    private static async Task<Results<Ok<StaffRoleView[]>, ProblemHttpResult>> ListAsync(string eventId, EventCatalog catalog, IGrainFactory grains)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var issued = await grains.GetGrain<IStaffAccessGrain>(eventId).GetAsync();
        return TypedResults.Ok(Enum.GetValues<StaffRole>().Select(role => new StaffRoleView(role, issued.Any(r => r.Role == role))).ToArray());
    }

    /// <summary>A new code for the role, shown in this answer only; the old one stops working at once. Signed-in staff stay signed in.</summary>
    private static async Task<Results<Ok<StaffAccessView>, ValidationProblem, ProblemHttpResult>> IssueCodeAsync(
        string eventId, string role, EventCatalog catalog, IGrainFactory grains, StaffTokenGenerations generations)
    {
        if (!StaffRoles.TryParse(role, out var staffRole))
        {
            return UnknownRole();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var code = AccessCodes.New();
        await grains.GetGrain<IStaffAccessGrain>(eventId).SetCodeAsync(staffRole, AccessCodes.Hash(code));
        generations.Forget(eventId);
        return TypedResults.Ok(new StaffAccessView(staffRole, code));
    }

    /// <summary>Every token issued for the role so far is refused: on this node at once, on the others within <see cref="TokenGenerations.RecheckAfter"/>.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeTokensAsync(
        string eventId, string role, EventCatalog catalog, IGrainFactory grains, StaffTokenGenerations generations)
    {
        if (!StaffRoles.TryParse(role, out var staffRole))
        {
            return UnknownRole();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var revoked = await grains.GetGrain<IStaffAccessGrain>(eventId).RevokeTokensAsync(staffRole);
        generations.Forget(eventId);
        return revoked
            ? TypedResults.NoContent()
            : TypedResults.Problem($"No access code was issued for '{role}' in this event.", statusCode: StatusCodes.Status404NotFound,
                title: "该岗位尚未发放访问码 (no access code issued for this role)");
    }

    private static ValidationProblem UnknownRole()
    {
        var errors = new InputErrors();
        errors.Add("role", $"岗位只能是 {StaffRoles.Names} (one of: {StaffRoles.Names})");
        return errors.ToProblem();
    }
}
