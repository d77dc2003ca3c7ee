using CharityDay.LoadHarness.Cli;
using CharityDay.Testing;

namespace CharityDay.LoadHarness.Target;

/// <summary>
/// Where the big screens and phones connect: <c>--hub-urls</c> if given, else with <c>--cluster</c> every
/// node (so each node has screens), else the one server. A URL that is a node's or the balancer's is named so.
/// </summary>
internal static class HubTargets
{
    public static IReadOnlyList<HubTarget> Resolve(HarnessOptions options, Uri server, LocalClusterState? cluster)
    {
        var nodes = cluster?.Nodes ?? [];
        IReadOnlyList<Uri> urls = options.HubUrls.Count > 0 ? options.HubUrls
            : nodes.Count > 0 ? [.. nodes.Select(n => n.Url)]
            : [server];
        return [.. urls.Select(url =>
        {
            var node = nodes.FirstOrDefault(n => SameServer(n.Url, url));
            var name = node is not null ? $"node {node.Number}"
                : cluster is not null && SameServer(cluster.BalancerUrl, url) ? "balancer"
                : url.Authority;
            return new HubTarget(name, url, node?.Number);
        })];
    }

    private static bool SameServer(Uri a, Uri b) =>
        a.Port == b.Port && (a.Host == b.Host || (Loopback.IsLoopbackHost(a.Host) && Loopback.IsLoopbackHost(b.Host)));
}
