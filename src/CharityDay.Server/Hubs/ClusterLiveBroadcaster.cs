using System.Collections.Concurrent;
using CharityDay.Contracts;
using CharityDay.Grains;
using Orleans.Runtime.Services;

namespace CharityDay.Server.Hubs;

/// <summary>
/// The total grain's broadcaster on every node: a push goes to this node's connections at once and, over
/// Orleans, to the <see cref="ILiveNodeService"/> of every other active node, which writes it to its own.
/// Each node, event and audience has its own <see cref="PushLane"/>, so pushes reach a node in version
/// order, a slow or dying node gets fewer merged pushes, and no node waits for another. Redis is not on
/// this path: the silos' own connections carry the pushes, so a Redis outage leaves the screens moving.
/// </summary>
internal sealed class ClusterLiveBroadcaster(
    IServiceProvider services,
    SignalRLiveBroadcaster localConnections,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    ILogger<ClusterLiveBroadcaster> logger) : GrainServiceClient<ILiveNodeService>(services), ILiveBroadcaster
{
    private readonly ConcurrentDictionary<(SiloAddress Node, string EventId, LiveAudience Audience), PushLane> _lanes = new();
    private MembershipVersion _lanesFollow = MembershipVersion.MinValue;

    public void Push(LiveAudience audience, TotalPush push)
    {
        localConnections.Push(audience, push);

        var nodes = membership.CurrentSnapshot;
        foreach (var node in nodes.Members.Values)
        {
            if (node.Status == SiloStatus.Active && !node.SiloAddress.Equals(localSilo.SiloAddress))
            {
                _lanes.GetOrAdd((node.SiloAddress, push.EventId, audience), NewLane).Offer(push);
            }
        }

        if (nodes.Version != _lanesFollow)
        {
            // A node that left (or died) is not offered pushes any more; its lanes are dropped.
            _lanesFollow = nodes.Version;
            foreach (var key in _lanes.Keys.Where(key => nodes.GetSiloStatus(key.Node) != SiloStatus.Active))
            {
                _lanes.TryRemove(key, out _);
            }
        }
    }

    private PushLane NewLane((SiloAddress Node, string EventId, LiveAudience Audience) key)
    {
        var node = GetGrainService(key.Node);
        return new PushLane(
            push => node.DeliverAsync(key.Audience, push),
            // Without the stack trace: a killed node fails every push until it is declared dead (seconds).
            (error, push) => logger.LogWarning("Push of {EventId} to {Audience} at version {Version} did not reach node {Node}: {Reason}",
                key.EventId, key.Audience, push.Version, key.Node, error.Message));
    }
}
