using System.Security.Cryptography;
using System.Text;
using CharityDay.Contracts;

namespace CharityDay.Grains.Events;

/// <summary>
/// Desk access codes: made here, shown once, kept only as a salted PBKDF2 hash. Eight characters from
/// 31 that cannot be mistaken for one another (no 0/O, no 1/I/L) give 31^8 ≈ 8.5·10^11 codes: with
/// sign-in failures slowed per address and per desk, guessing one is hopeless, and an operator reads
/// it off a card at a dim desk without asking "is that an O or a zero?".
/// </summary>
public static class AccessCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 8;

    /// <summary>
    /// Hash cost. A stolen database still needs ~10^16 SHA-256 blocks per code to search; a sign-in
    /// costs a few milliseconds, and only sign-ins the failure limits let through are hashed at all.
    /// </summary>
    public const int Iterations = 20_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Checked against when the desk does not exist, so a miss takes as long as a wrong code.</summary>
    private static readonly DeskCredential Decoy = Hash(new string('2', Length));

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static DeskCredential Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new DeskCredential(salt, Derive(Normalize(code), salt, Iterations), Iterations);
    }

    /// <summary>Whether <paramref name="presented"/> is the desk's code, in time that does not depend on how much of it matched.</summary>
    public static bool Matches(DeskCredential? credential, string? presented)
    {
        var stored = credential ?? Decoy;
        var derived = Derive(Normalize(presented ?? ""), stored.Salt, stored.Iterations);
        return CryptographicOperations.FixedTimeEquals(derived, stored.Hash) && credential is not null && presented is not null;
    }

    /// <summary>What an operator types: lower case, spaces or a dash in the middle ("abcd-2345") are the same code.</summary>
    public static string Normalize(string code) =>
        string.Concat(code.Where(c => c is not (' ' or '-' or '\t'))).ToUpperInvariant();

    private static byte[] Derive(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
