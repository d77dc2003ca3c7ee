using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    private readonly byte[] _signingKey = HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(options.Value.AdminKey ?? ""), "charity-day/desk-token/v1"u8);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string eventId, string deskId, long generation)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.DeskTokenLifetime;
        var payload = string.Join('|', "v2", eventId, deskId, generation.ToString(CultureInfo.InvariantCulture),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        return ($"{Base64Url(payloadBytes)}.{Base64Url(HMACSHA256.HashData(_signingKey, payloadBytes))}", expiresAt);
    }

    public bool TryRead(string token, out string eventId, out string deskId, out long generation)
    {
        eventId = deskId = "";
        generation = 0;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var signature))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_signingKey, payload)))
        {
            return false;
        }

        // v1 tokens, issued before revocation existed, are of a desk's first generation.
        var (e, d, g, expiry) = Encoding.UTF8.GetString(payload).Split('|') switch
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

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Only the one spelling <see cref="Issue"/> writes: the decoder ignores the unused low bits of a last
    /// character, so without the round trip a token with its last character changed would still pass.
    /// </summary>
    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) && (bytes = bytes[..written]).Length > 0
            && string.Equals(Base64Url(bytes), text, StringComparison.Ordinal);
    }
}
