namespace CharityDay.LoadHarness.Target;

/// <summary>
/// One address the live connections are spread over (<c>--hub-urls</c>, round-robin): a node of the
/// cluster, the balancer, or the one server. Each big screen and phone stays on its target for the run,
/// so the report can say how the screens on each node fared.
/// </summary>
/// <param name="Name">How the report names it: <c>node 2</c>, <c>balancer</c>, or <c>127.0.0.1:5000</c>.</param>
/// <param name="BaseUrl">The server's root; the hub is <c>/hubs/live</c> under it.</param>
/// <param name="Node">The cluster node's number, when it is one.</param>
internal sealed record HubTarget(string Name, Uri BaseUrl, int? Node)
{
    public Uri Hub => new(BaseUrl, "/hubs/live");
}
