using System.Globalization;
using System.Text;

namespace CharityDay.Contracts;

/// <summary>
/// Online donations are spread over a fixed number of desk grains so one activation does not take
/// every phone's donation. A donation id always maps to the same shard (a stable hash, not
/// <see cref="string.GetHashCode()"/>), so a retry after a restart meets its first try.
/// </summary>
public static class OnlineShard
{
    /// <summary>Desk ids of online shards start with this prefix, which stage desk ids may not use.</summary>
    public const string Prefix = "online-";

    public static string DeskId(int shard) => Prefix + shard.ToString(CultureInfo.InvariantCulture);

    public static string DeskIdFor(string donationId, int shardCount)
    {
        // FNV-1a: stable across processes and runtimes.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(donationId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return DeskId((int)(hash % (uint)shardCount));
    }

    public static bool IsOnline(string deskId) => deskId.StartsWith(Prefix, StringComparison.Ordinal);
}
