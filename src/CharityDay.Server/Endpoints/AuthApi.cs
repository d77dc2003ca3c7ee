using System.Security.Cryptography;
using System.Text;
using CharityDay.Contracts;
using CharityDay.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>Body of <c>POST /api/auth/desk</c>.</summary>
public sealed record DeskSignInRequest(string? EventId, string? DeskId, string? AccessCode);

/// <summary>An operator's token for one desk of one event.</summary>
public sealed record DeskSignInResponse(string Token, string EventId, string DeskId, string DeskName, DateTimeOffset ExpiresAt);

/// <summary>Operators sign in to a desk with the access code the admin handed out.</summary>
public static class AuthApi
{
    public static RouteHandlerBuilder MapAuthApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/desk", SignInAsync).WithTags("Auth").RequireRateLimiting(AuthHostingExtensions.SignInRateLimit);

    private static async Task<Results<Ok<DeskSignInResponse>, ProblemHttpResult>> SignInAsync(
        DeskSignInRequest request, EventCatalog catalog, DeskTokens tokens)
    {
        var desk = InputRules.IsSlug(request.EventId) && InputRules.IsSlug(request.DeskId)
            && await catalog.CurrentAsync(request.EventId) is { } definition
                ? definition.Desks.FirstOrDefault(d => d.DeskId == request.DeskId)
                : null;
        if (desk is null || !CodeMatches(desk, request.AccessCode))
        {
            // One answer for every failure, so the endpoint does not reveal which events and desks exist.
            return TypedResults.Problem("Event, desk or access code is wrong.", statusCode: StatusCodes.Status401Unauthorized,
                title: "活动、录入台或访问码错误 (sign-in failed)");
        }

        var (token, expiresAt) = tokens.Issue(request.EventId!, desk.DeskId);
        return TypedResults.Ok(new DeskSignInResponse(token, request.EventId!, desk.DeskId, desk.Name, expiresAt));
    }

    private static bool CodeMatches(DeskInfo desk, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.Trim()), Encoding.UTF8.GetBytes(desk.AccessCode));
}
