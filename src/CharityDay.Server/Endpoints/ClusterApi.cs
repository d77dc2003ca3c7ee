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

    private static async Task<ClusterView> GetClusterAsync(IGrainFactory grains, IClusterMembershipService membership)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        // This node's own view of the membership: no call that a dead node could fail.
        var recent = membership.CurrentSnapshot.Members.Values.ToList();
        // Asked node by node: a node killed a moment ago (not yet declared dead) must not fail the whole answer.
        var activations = await Task.WhenAll(recent.Select(host => host.Status == SiloStatus.Active
            ? ActivationsOnAsync(management, host.SiloAddress)
            : Task.FromResult<SimpleGrainStatistic[]?>([])));

        var nodes = recent
            .Select((host, i) => new ClusterNode(
                host.SiloAddress.Endpoint.ToString(),
                host.Name,
                host.Status.ToString().ToLowerInvariant(),
                Count(activations[i], typeof(PledgeDeskGrain)),
                Count(activations[i], typeof(EventTotalGrain))))
            .OrderBy(node => node.Status == "active" ? 0 : 1)
            .ThenBy(node => node.Silo, StringComparer.Ordinal)
            .ToList();
        return new ClusterView(nodes);
    }

    private static async Task<SimpleGrainStatistic[]?> ActivationsOnAsync(IManagementGrain management, SiloAddress silo)
    {
        try
        {
            return await management.GetSimpleGrainStatistics([silo]).WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception error) when (error is TimeoutException or SiloUnavailableException or OrleansException)
        {
            return null; // does not answer: its grains are unknown
        }
    }

    private static int? Count(SimpleGrainStatistic[]? activations, Type grainClass) =>
        activations?.Where(a => a.GrainType.StartsWith(grainClass.FullName + ",", StringComparison.Ordinal)).Sum(a => a.ActivationCount);
}

/// <summary>The cluster as <c>GET /api/cluster</c> shows it.</summary>
public sealed record ClusterView(IReadOnlyList<ClusterNode> Nodes);

/// <summary>One node: its silo endpoint (address:port), name, membership status and the grains it hosts (null: it does not answer).</summary>
public sealed record ClusterNode(string Silo, string Name, string Status, int? DeskGrains, int? TotalGrains);
