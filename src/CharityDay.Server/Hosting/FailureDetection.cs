using Orleans.Configuration;

namespace CharityDay.Server.Hosting;

/// <summary>
/// How fast a cluster declares a dead node dead, so its desks and total grains come back elsewhere.
/// Orleans' defaults (a 5 s probe, 3 missed probes) take about 15 s: the screens would freeze that long
/// and the desks on that node would answer 503. Here each node probes its peers every second and
/// suspects one after two missed probes; two suspecting nodes declare it dead. A killed node's port
/// refuses at once, so the probes fail fast; a slow but live node still answers within the timeout,
/// and connection activity (a node that keeps sending messages) suppresses a vote against it.
/// </summary>
internal static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.EnableConnectionLivenessCheck = true;
        // Read the table often, so a node that missed the gossip learns of a death (or a join) soon.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
