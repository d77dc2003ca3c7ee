using System.Security.Cryptography;

namespace CharityDay.Testing;

/// <summary>
/// The stand-in's half of the keys <c>deploy/local-cluster.sh up</c> makes in <c>DIR/wechatpay</c>
/// (the nodes get the other half in their settings): whoever drives load at the cluster — the load
/// harness, a test — plays WeChat Pay with them on the port the nodes were told.
/// </summary>
public static class WeChatPayStandInFolder
{
    public const string Name = "wechatpay";

    /// <summary>The keys and port of <paramref name="clusterDirectory"/>'s stand-in, or null when the cluster has none.</summary>
    public static (WeChatPayStandInKeys Keys, int Port)? Read(string clusterDirectory)
    {
        var folder = Path.Combine(clusterDirectory, Name);
        var settingsFile = Path.Combine(folder, "standin.env");
        if (!File.Exists(settingsFile))
        {
            return null;
        }

        var settings = File.ReadAllLines(settingsFile)
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)], line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('\''));
        var merchant = RSA.Create();
        merchant.ImportFromPem(File.ReadAllText(Path.Combine(folder, "merchant-key.pem")));
        var platform = RSA.Create();
        platform.ImportFromPem(File.ReadAllText(Path.Combine(folder, "platform-key.pem")));
        var keys = new WeChatPayStandInKeys(merchant, settings["MERCHANT_SERIAL"], platform, settings["PLATFORM_SERIAL"],
            settings["API_V3_KEY"], settings["MCH_ID"], settings["APP_ID"]);
        return (keys, int.Parse(settings["STANDIN_PORT"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
