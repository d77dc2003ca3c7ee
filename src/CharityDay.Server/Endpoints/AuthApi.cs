using CharityDay.Grains.Events;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/auth/desk</c>.</summary>
public sealed record DeskSignInRequest(string? EventId, string? DeskId, string? AccessCode);

/// <summary>An operator's token for one desk of one event.</summary>
public sealed record DeskSignInResponse(string Token, string EventId, string DeskId, string DeskName, DateTimeOffset ExpiresAt);

/// <summary>
/// Operators sign in to a desk with the access code the admin handed out. The request rate per address
/// is <see cref="RateLimits.DeskSignIn"/>; wrong codes are slowed per (address, desk) and per desk by
/// <see cref="SignInGuard"/>, and a try during a wait is answered 429 with <c>Retry-After</c> before the
/// code is even looked at.
/// </summary>
public static class AuthApi
{
    public static RouteHandlerBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapStaffAuthApi();
        return app.MapPost("/api/auth/desk", SignInAsync).WithTags("Auth").RequireRateLimiting(RateLimits.DeskSignIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<DeskSignInResponse>, ProblemHttpResult>> SignInAsync(
        DeskSignInRequest request, HttpContext context, EventCatalog catalog, DeskTokens tokens, SignInGuard guard)
    {
        if (!InputRules.IsSlug(request.EventId) || !InputRules.IsSlug(request.DeskId))
        {
            return Refused();
        }

        var (eventId, deskId) = (request.EventId!, request.DeskId!);
        var address = ClientAddress.PartitionKey(context);
        if (guard.WaitBeforeTrying(address, eventId, deskId) is { } wait)
        {
            return RateLimitRejection.Problem(context, "访问码错误次数过多，请稍后再试 (too many wrong access codes)",
                "Too many wrong access codes for this desk", wait);
        }

        var desk = await catalog.CurrentAsync(eventId) is { } definition ? definition.Desks.FirstOrDefault(d => d.DeskId == deskId) : null;
        // An unknown desk is checked against a decoy, and counted like a wrong code, so neither the answer
        // nor its timing tells which events and desks exist.
        if (!AccessCodes.Matches(desk?.Credential, request.AccessCode) || desk is null)
        {
            guard.Failed(address, eventId, deskId);
            return Refused();
        }

        guard.Succeeded(address, eventId, deskId);
        var (token, expiresAt) = tokens.Issue(eventId, desk.DeskId, desk.TokenGeneration);
        return TypedResults.Ok(new DeskSignInResponse(token, eventId, desk.DeskId, desk.Name, expiresAt));
    }

    // One answer for every failure, so the endpoint does not reveal which events and desks exist.
    private static ProblemHttpResult Refused() =>
        TypedResults.Problem("Event, desk or access code is wrong.", statusCode: StatusCodes.Status401Unauthorized,
            title: "活动、录入台或访问码错误 (sign-in failed)");
}
