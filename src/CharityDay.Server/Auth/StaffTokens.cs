using System.Globalization;
using CharityDay.Contracts;
using CharityDay.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Auth;

/// <summary>
/// Signed, self-contained staff tokens (event, role, the role's token generation, expiry), made like
/// desk tokens (<see cref="DeskTokens"/>) under a key of their own: a staff token is never a desk's.
/// Whether the generation is still the role's is checked on every call (<see cref="StaffTokenGenerations"/>).
/// </summary>
public sealed class StaffTokens(IOptions<CharityDayOptions> options, TimeProvider clock)
{
    private readonly byte[] _signingKey = TokenSeal.Key(options.Value.AdminKey, "charity-day/staff-token/v1"u8);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string eventId, StaffRole role, long generation)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.DeskTokenLifetime;
        var payload = string.Join('|', "s1", eventId, StaffRoles.Name(role), generation.ToString(CultureInfo.InvariantCulture),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (TokenSeal.Seal(_signingKey, payload), expiresAt);
    }

    public bool TryRead(string token, out string eventId, out StaffRole role, out long generation)
    {
        (eventId, role, generation) = ("", default, 0);
        if (!TokenSeal.TryOpen(_signingKey, token, out var payload)
            || payload.Split('|') is not ["s1", var e, var r, var g, var expiry]
            || !StaffRoles.TryParse(r, out role)
            || !long.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out generation)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
        {
            return false;
        }

        eventId = e;
        return true;
    }
}
