using System.Globalization;
using CharityDay.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Auth;

/// <summary>
/// Signed, self-contained operator tokens (event, desk, the desk's token generation, expiry), so any
/// node accepts a token any other node issued and a restart signs no one out. The signing key is
/// derived from the admin key. Whether the generation is still the desk's is checked on every call
/// (<see cref="DeskTokenGenerations"/>): that is how the admin's revoke signs a desk out.
/// </summary>
public sealed class DeskTokens(IOptions<CharityDayOptions> options, TimeProvider clock)
{
    private readonly byte[] _signingKey = TokenSeal.Key(options.Value.AdminKey, "charity-day/desk-token/v1"u8);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string eventId, string deskId, long generation)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.DeskTokenLifetime;
        var payload = string.Join('|', "v2", eventId, deskId, generation.ToString(CultureInfo.InvariantCulture),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (TokenSeal.Seal(_signingKey, payload), expiresAt);
    }

    public bool TryRead(string token, out string eventId, out string deskId, out long generation)
    {
        eventId = deskId = "";
        generation = 0;
        if (!TokenSeal.TryOpen(_signingKey, token, out var payload))
        {
            return false;
        }

        // v1 tokens, issued before revocation existed, are of a desk's first generation.
        var (e, d, g, expiry) = payload.Split('|') switch
        {
            ["v2", var v2Event, var v2Desk, var v2Generation, var v2Expiry] => (v2Event, v2Desk, v2Generation, v2Expiry),
            ["v1", var v1Event, var v1Desk, var v1Expiry] => (v1Event, v1Desk, "0", v1Expiry),
            _ => ("", "", "", ""),
        };
        if (!long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || !long.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out generation)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
        {
            return false;
        }

        (eventId, deskId) = (e, d);
        return true;
    }
}
