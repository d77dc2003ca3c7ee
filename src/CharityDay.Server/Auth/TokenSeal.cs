using System.Security.Cryptography;
using System.Text;

namespace CharityDay.Server.Auth;

/// <summary>
/// The signature every self-contained token carries: <c>base64url(payload).base64url(HMAC-SHA256)</c>,
/// with a key per kind of token derived from the admin key, so a desk token never reads as a staff
/// token and any node checks what any other node issued.
/// </summary>
internal static class TokenSeal
{
    public static byte[] Key(string? adminKey, ReadOnlySpan<byte> purpose) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(adminKey ?? ""), purpose);

    public static string Seal(byte[] key, string payload)
    {
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        return $"{Base64Url(payloadBytes)}.{Base64Url(HMACSHA256.HashData(key, payloadBytes))}";
    }

    /// <summary>The payload of a token sealed with <paramref name="key"/>; false for anything else.</summary>
    public static bool TryOpen(byte[] key, string token, out string payload)
    {
        payload = "";
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token[..dot], out var payloadBytes) || !TryDecode(token[(dot + 1)..], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payloadBytes)))
        {
            return false;
        }

        payload = Encoding.UTF8.GetString(payloadBytes);
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Only the one spelling <see cref="Seal"/> writes: the decoder ignores the unused low bits of a last
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
