using System.Security.Cryptography;

namespace CharityDay.Server.Auth;

/// <summary>
/// Embedded demo mode with no admin key configured: a key is generated at first start and kept in
/// the data directory (readable by its owner only) so it survives restarts.
/// </summary>
internal static class AdminKeyFile
{
    public const string FileName = "admin-key.txt";

    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
