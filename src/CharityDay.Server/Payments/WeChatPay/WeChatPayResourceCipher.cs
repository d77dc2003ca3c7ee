using System.Security.Cryptography;
using System.Text;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// AEAD_AES_256_GCM as API v3 uses it for a notification's <c>resource</c> (证书和回调报文解密): the key is
/// the APIv3 key's 32 bytes, the nonce is <c>resource.nonce</c> as UTF-8 (12 bytes), the associated data is
/// <c>resource.associated_data</c> as UTF-8, and the Base64 ciphertext ends with the 16-byte tag.
/// </summary>
internal static class WeChatPayResourceCipher
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    /// <summary>The plaintext, or null when the nonce, the Base64 or the tag is wrong (tampered, or another key).</summary>
    public static byte[]? Decrypt(byte[] apiV3Key, string nonce, string associatedData, string ciphertext)
    {
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        var sealedBytes = new byte[(ciphertext.Length * 3 / 4) + 3];
        if (nonceBytes.Length != NonceBytes
            || !Convert.TryFromBase64String(ciphertext, sealedBytes, out var length)
            || length < TagBytes)
        {
            return null;
        }

        var cipherLength = length - TagBytes;
        var plaintext = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(apiV3Key, TagBytes);
            aes.Decrypt(nonceBytes, sealedBytes.AsSpan(0, cipherLength), sealedBytes.AsSpan(cipherLength, TagBytes), plaintext, Encoding.UTF8.GetBytes(associatedData));
            return plaintext;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Base64 of ciphertext followed by tag: what <c>resource.ciphertext</c> carries.</summary>
    public static string Encrypt(byte[] apiV3Key, string nonce, string associatedData, ReadOnlySpan<byte> plaintext)
    {
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        var sealedBytes = new byte[plaintext.Length + TagBytes];
        using var aes = new AesGcm(apiV3Key, TagBytes);
        aes.Encrypt(nonceBytes, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>A fresh 12-character nonce of letters and digits (12 bytes in UTF-8).</summary>
    public static string NewNonce() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", NonceBytes);
}
