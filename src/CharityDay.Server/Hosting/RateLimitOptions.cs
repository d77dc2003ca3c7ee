using System.ComponentModel.DataAnnotations;

namespace CharityDay.Server.Hosting;

/// <summary>
/// The <c>CharityDay:RateLimits</c> section. Every per-address limit is sized for a crowd behind one
/// address — the hall's few hundred phones on the venue Wi-Fi answering 「扫码捐款」 in the same minute,
/// or thousands on a carrier's shared address — so it limits the <em>rate</em> of new orders, sign-ins
/// and connections with a generous burst, never the number of people. What it stops is one address
/// sending hundreds a second. IPv6 clients count by their /64 network (one subscriber's prefix).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "CharityDay:RateLimits";

    /// <summary>
    /// Donation orders one address may send at once: a full hall of 600 phones ordering in the same
    /// second passes; then <see cref="DonationOrdersPerSecond"/>.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":DonationOrderBurst must be between {1} and {2}.")]
    public int DonationOrderBurst { get; set; } = 600;

    /// <summary>Refill of the per-address bucket: 1,200 a minute, well above a hall's second wave, far below a script's hundreds a second.</summary>
    [Range(1, 100_000, ErrorMessage = Section + ":DonationOrdersPerSecond must be between {1} and {2}.")]
    public int DonationOrdersPerSecond { get; set; } = 20;

    /// <summary>
    /// Donation orders one event takes per second from all addresses together: a ceiling that keeps the
    /// online shards' group commits in their measured range, far above a broadcast's peak.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":EventOrdersPerSecond must be between {1} and {2}.")]
    public int EventOrdersPerSecond { get; set; } = 2_000;

    /// <summary>Desk sign-in requests one address may send at once (every desk of a venue behind one NAT signing in together); then <see cref="SignInsPerSecond"/>.</summary>
    [Range(1, 100_000, ErrorMessage = Section + ":SignInBurst must be between {1} and {2}.")]
    public int SignInBurst { get; set; } = 120;

    [Range(1, 10_000, ErrorMessage = Section + ":SignInsPerSecond must be between {1} and {2}.")]
    public int SignInsPerSecond { get; set; } = 2;

    /// <summary>Wrong codes one address may try at one desk before it waits (a typo or two, then a colleague's help).</summary>
    [Range(1, 1_000, ErrorMessage = Section + ":SignInFailuresPerAddress must be between {1} and {2}.")]
    public int SignInFailuresPerAddress { get; set; } = 5;

    /// <summary>Wrong codes one desk takes from all addresses within <see cref="SignInFailureWindow"/> before everyone waits.</summary>
    [Range(1, 100_000, ErrorMessage = Section + ":SignInFailuresPerDesk must be between {1} and {2}.")]
    public int SignInFailuresPerDesk { get; set; } = 30;

    /// <summary>How long failures are remembered: a run of failures ends after this long without one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = Section + ":SignInFailureWindow must be between {1} and {2}.")]
    public TimeSpan SignInFailureWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first wait past a limit; each further failure doubles it, up to <see cref="SignInBackoffMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = Section + ":SignInBackoffStart must be between {1} and {2}.")]
    public TimeSpan SignInBackoffStart { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Section + ":SignInBackoffMax must be between {1} and {2}.")]
    public TimeSpan SignInBackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>New hub connections one address may open at once (a hall opening the viewer page together); then <see cref="HubConnectionsPerSecond"/>.</summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":HubConnectionBurst must be between {1} and {2}.")]
    public int HubConnectionBurst { get; set; } = 500;

    [Range(1, 100_000, ErrorMessage = Section + ":HubConnectionsPerSecond must be between {1} and {2}.")]
    public int HubConnectionsPerSecond { get; set; } = 20;

    /// <summary>
    /// Distinct events one hub connection may Watch or Follow (a screen and its preview need two); the
    /// connection that asks for one more is closed.
    /// </summary>
    [Range(1, 100, ErrorMessage = Section + ":WatchedEventsPerConnection must be between {1} and {2}.")]
    public int WatchedEventsPerConnection { get; set; } = 3;

    /// <summary>
    /// Client networks (<c>127.0.0.0/8</c>, an address) whose requests are not rate limited: the load
    /// harness on the node's own machine. Sign-in failures are counted for them all the same. None by default.
    /// </summary>
    public string[] ExemptNetworks { get; set; } = [];
}
