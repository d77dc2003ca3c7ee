namespace CharityDay.Integration.Tests;

/// <summary>
/// The ports tests give their servers. One from the kernel's ephemeral range was taken, between the
/// pick and the bind, by an outgoing connection's local end: the silo failed with "Address already in
/// use" and the Server test host went down with it.
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_lie_below_the_ephemeral_range_and_outside_the_cluster_scripts_ranges()
    {
        var ephemeral = FreePort.EphemeralRangeStart();

        var ports = FreePort.Many(200);

        // (A host whose ephemeral range starts below 11000 leaves nothing clear of it: 10000–23999 there.)
        var end = ephemeral >= 11_000 ? Math.Min(ephemeral, 24_000) : 24_000;
        Assert.All(ports, port => Assert.InRange(port, 10_000, end - 1));
        Assert.Equal(ports.Length, ports.Distinct().Count());
    }
}
