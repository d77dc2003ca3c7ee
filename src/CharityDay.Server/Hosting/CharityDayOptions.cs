using System.ComponentModel.DataAnnotations;

namespace CharityDay.Server.Hosting;

/// <summary>The <c>CharityDay</c> configuration section, validated at start-up.</summary>
public sealed class CharityDayOptions
{
    public const string Section = "CharityDay";

    /// <summary>A cluster node's default <see cref="ShutdownDrain"/>: two failed checks of a balancer checking every second, and one to spare.</summary>
    public static readonly TimeSpan ClusterShutdownDrain = TimeSpan.FromSeconds(3);

    /// <summary>Bearer key of the event admin. In embedded mode a missing key is generated and kept in the data directory.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Where the embedded SQLite database and the generated admin key live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Largest single pledge or donation, in fen. Default 10亿元.</summary>
    [Range(1, long.MaxValue)]
    public long MaxAmountFen { get; set; } = 100_000_000_000;

    /// <summary>How many desk grains share the online donations of a new event.</summary>
    [Range(1, 64)]
    public int OnlineShards { get; set; } = 8;

    /// <summary>Seed a live demo event with three desks when it does not exist (embedded mode default).</summary>
    public bool? SeedDemoEvent { get; set; }

    /// <summary>How long an operator's desk token stays valid.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan DeskTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a stopping node goes on serving while it reports not-ready, so the balancer moves
    /// traffic away first. Default: <see cref="ClusterShutdownDrain"/> in a cluster, none for a single node.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan? ShutdownDrain { get; set; }

    /// <summary>
    /// Addresses of the load balancers in front of this node: only a request from one of them has its
    /// <c>X-Forwarded-For</c> believed (the client address rate limits and sign-in limits see). None by default.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
