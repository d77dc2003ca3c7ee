using CharityDay.Contracts;
using CharityDay.Grains;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Hubs;

/// <summary>Sends the total grain's pushes to the event's SignalR group (every node's, with the Redis backplane).</summary>
internal sealed class SignalRLiveBroadcaster(IHubContext<LiveHub> hub) : ILiveBroadcaster
{
    public Task PushAsync(TotalPush push, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(LiveHub.GroupName(push.EventId)).SendAsync(LiveHub.TotalMethod, push, cancellationToken);
}
