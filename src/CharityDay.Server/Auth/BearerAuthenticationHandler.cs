using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer …</c> carries either the admin key (role <see cref="Roles.Admin"/>) or a desk
/// token (role <see cref="Roles.Operator"/> with the event and desk as claims) or a staff token (the role's
/// name, e.g. <see cref="Roles.Moderator"/>, with the event as a claim) whose generation is still the
/// desk's or role's: a token the admin revoked is refused with 401, and the console asks to sign in again.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<CharityDayOptions> options,
    DeskTokens deskTokens,
    DeskTokenGenerations generations,
    StaffTokens staffTokens,
    StaffTokenGenerations staffGenerations)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (IsAdminKey(presented))
        {
            return Success([new Claim(ClaimTypes.Role, Roles.Admin), new Claim(ClaimTypes.Name, "admin")]);
        }

        if (deskTokens.TryRead(presented, out var eventId, out var deskId, out var generation)
            && await generations.IsCurrentAsync(eventId, deskId, generation))
        {
            return Success([
                new Claim(ClaimTypes.Role, Roles.Operator),
                new Claim(ClaimTypes.Name, $"desk:{deskId}"),
                new Claim(Roles.EventClaim, eventId),
                new Claim(Roles.DeskClaim, deskId),
            ]);
        }

        if (staffTokens.TryRead(presented, out var staffEventId, out var role, out var staffGeneration)
            && await staffGenerations.IsCurrentAsync(staffEventId, StaffRoles.Name(role), staffGeneration))
        {
            return Success([
                new Claim(ClaimTypes.Role, StaffRoles.Name(role)),
                new Claim(ClaimTypes.Name, StaffRoles.Name(role)),
                new Claim(Roles.EventClaim, staffEventId),
            ]);
        }

        return AuthenticateResult.Fail("Unknown, expired or revoked bearer token.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("Send Authorization: Bearer with the admin key, a desk token or a staff token; a token the admin revoked or that ran out needs a new sign-in.",
            statusCode: StatusCodes.Status401Unauthorized, title: "需要登录，请重新登录 (sign-in required)").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("This token may not do that.", statusCode: StatusCodes.Status403Forbidden,
            title: "无权执行此操作 (not allowed)").ExecuteAsync(Context);

    private bool IsAdminKey(string presented) =>
        options.Value.AdminKey is { Length: > 0 } key
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));

    private static AuthenticateResult Success(Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
