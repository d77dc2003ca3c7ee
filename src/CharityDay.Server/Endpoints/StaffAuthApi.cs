using CharityDay.Contracts;
using CharityDay.Grains.Events;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Staff roles (the moderator) sign in like a desk: the event, the role and the access code the admin
/// issued, under the desk sign-in's request rate (<see cref="RateLimits.DeskSignIn"/>) and failure
/// backoff (<see cref="SignInGuard"/>, counted per role as per desk), with one answer for every failure.
/// </summary>
public static class StaffAuthApi
{
    public static RouteHandlerBuilder MapStaffAuthApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/staff", SignInAsync).WithTags("Auth").RequireRateLimiting(RateLimits.DeskSignIn);

    /// <summary>The sign-in guard's key for a role: never a desk id, which is a slug.</summary>
    internal static string GuardKey(StaffRole role) => "staff:" + StaffRoles.Name(role);

    private static async Task<Results<Ok<StaffSignInResponse>, ProblemHttpResult>> SignInAsync(
        StaffSignInRequest request, HttpContext context, EventCatalog catalog, IGrainFactory grains, StaffTokens tokens, SignInGuard guard)
    {
        if (!InputRules.IsSlug(request.EventId) || request.Role is not { } role)
        {
            return Refused();
        }

        var eventId = request.EventId!;
        var address = ClientAddress.PartitionKey(context);
        if (guard.WaitBeforeTrying(address, eventId, GuardKey(role)) is { } wait)
        {
            return RateLimitRejection.Problem(context, "访问码错误次数过多，请稍后再试 (too many wrong access codes)",
                "Too many wrong access codes for this role", wait);
        }

        var access = await catalog.ExistsAsync(eventId)
            ? (await grains.GetGrain<IStaffAccessGrain>(eventId).GetAsync()).FirstOrDefault(r => r.Role == role)
            : null;
        // An unknown event or a role without a code is checked against a decoy, as a desk sign-in is.
        if (!AccessCodes.Matches(access?.Credential, request.Code) || access is null)
        {
            guard.Failed(address, eventId, GuardKey(role));
            return Refused();
        }

        guard.Succeeded(address, eventId, GuardKey(role));
        var (token, expiresAt) = tokens.Issue(eventId, role, access.TokenGeneration);
        return TypedResults.Ok(new StaffSignInResponse(token, eventId, role, expiresAt));
    }

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem("Event, role or access code is wrong.", statusCode: StatusCodes.Status401Unauthorized,
            title: "活动、岗位或访问码错误 (sign-in failed)");
}
