using CharityDay.Grains.Desks;
using CharityDay.Grains.Totals;
using CharityDay.Server.Auth;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// <c>GET /api/cluster</c> (admin): the nodes the cluster knows, with their status and how many desk
/// and total grains each one hosts right now, so a night crew (or a fault test) sees where the work is.
/// </summary>
public static class ClusterApi
{
    public static void MapClusterApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cluster", GetClusterAsync).WithTags("Cluster").RequireAuthorization(Roles.AdminPolicy);

    private static async Task<ClusterView> GetClusterAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var activations = await management.GetSimpleGrainStatistics();
        int Count(SiloAddress silo, Type grainClass) =>
            activations.Where(a => a.SiloAddress.Equals(silo) && a.GrainType.StartsWith(grainClass.FullName + ",", StringComparison.Ordinal)).Sum(a => a.ActivationCount);

        var nodes = hosts
            .Where(host => host.Status is not SiloStatus.Dead || host.IAmAliveTime > DateTime.UtcNow.AddMinutes(-5))
            .OrderBy(host => host.Status == SiloStatus.Active ? 0 : 1)
            .ThenBy(host => host.SiloAddress.Endpoint.ToString(), StringComparer.Ordinal)
            .Select(host => new ClusterNode(
                host.SiloAddress.Endpoint.ToString(),
                host.SiloName,
                host.Status.ToString().ToLowerInvariant(),
                Count(host.SiloAddress, typeof(PledgeDeskGrain)),
                Count(host.SiloAddress, typeof(EventTotalGrain))))
            .ToList();
        return new ClusterView(nodes);
    }
}

/// <summary>The cluster as <c>GET /api/cluster</c> shows it.</summary>
public sealed record ClusterView(IReadOnlyList<ClusterNode> Nodes);

/// <summary>One node: its silo endpoint (address:port), name, membership status and the grains it hosts.</summary>
public sealed record ClusterNode(string Silo, string Name, string Status, int DeskGrains, int TotalGrains);
