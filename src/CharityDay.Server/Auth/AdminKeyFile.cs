using System.Security.Cryptography;
using CharityDay.Server.Storage;

namespace CharityDay.Server.Auth;

/// <summary>
/// Embedded demo mode with no admin key configured: a key is generated at first start and kept in
/// the data directory (0600, in a 0700 folder) so it survives restarts. Its value is never logged.
/// </summary>
internal static class AdminKeyFile
{
    public const string FileName = DataFolder.AdminKeyFileName;

    public static string LoadOrCreate(string dataDirectory)
    {
        // The folder first: made 0700, and the key file closed to others if an older run left it open.
        DataFolder.Prepare(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        DataFolder.WriteOwnerOnly(path, key + Environment.NewLine);
        return key;
    }
}
