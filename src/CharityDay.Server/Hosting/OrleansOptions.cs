using System.ComponentModel.DataAnnotations;

namespace CharityDay.Server.Hosting;

/// <summary>The <c>Orleans</c> configuration section: the co-hosted silo's ports.</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    [Required]
    public string ClusterId { get; set; } = "charity-day";

    [Required]
    public string ServiceId { get; set; } = "charity-day";
}
