using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CharityDay.Server.Hosting;

/// <summary>The <c>Orleans</c> configuration section: the co-hosted silo's address and ports.</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    /// <summary>
    /// The address other nodes reach this one's silo on, and where it listens. Required in cluster mode;
    /// a single node listens on loopback.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    [Required]
    public string ClusterId { get; set; } = "charity-day";

    [Required]
    public string ServiceId { get; set; } = "charity-day";

    /// <summary>The advertised address, parsed; loopback when none is set.</summary>
    public IPAddress ListenAddress() => AdvertisedIPAddress is { Length: > 0 } configured
        ? IPAddress.TryParse(configured, out var address)
            ? address
            : throw new InvalidOperationException($"Orleans:AdvertisedIPAddress '{configured}' is not an IP address (this node's address on the cluster network, e.g. 10.0.0.11).")
        : IPAddress.Loopback;
}
