using CharityDay.Contracts;
using CharityDay.Grains;
using Orleans.Services;

namespace CharityDay.Server.Hubs;

/// <summary>
/// One on every node (an Orleans grain service): takes the pushes of total grains living on other nodes
/// to this node's own SignalR connections. See <see cref="ClusterLiveBroadcaster"/>.
/// </summary>
public interface ILiveNodeService : IGrainService
{
    /// <summary>
    /// Answers once the push is handed to this node's lane, not after the sockets are written. A node
    /// that does not answer within two seconds is given the next push merged with this one.
    /// </summary>
    [ResponseTimeout("00:00:02")]
    Task DeliverAsync(LiveAudience audience, TotalPush push);
}
