using CharityDay.Contracts;
using CharityDay.Grains;
using Orleans.Concurrency;

namespace CharityDay.Server.Hubs;

/// <summary>Hands pushes from other nodes' total grains to this node's <see cref="SignalRLiveBroadcaster"/>.</summary>
[Reentrant]
internal sealed class LiveNodeService(GrainId id, Silo silo, ILoggerFactory loggers, SignalRLiveBroadcaster connections)
    : GrainService(id, silo, loggers), ILiveNodeService
{
    public Task DeliverAsync(LiveAudience audience, TotalPush push)
    {
        connections.Push(audience, push);
        return Task.CompletedTask;
    }
}
