using CharityDay.Contracts;
using CharityDay.Grains;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Hubs;

/// <summary>Sends the total grain's pushes to the audience's SignalR group of the event (every node's, with the Redis backplane).</summary>
internal sealed class SignalRLiveBroadcaster(IHubContext<LiveHub> hub) : ILiveBroadcaster
{
    public Task PushAsync(LiveAudience audience, TotalPush push, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(LiveHub.GroupName(push.EventId, audience)).SendAsync(LiveHub.TotalMethod, push, cancellationToken);
}
