using System.Collections.Concurrent;
using CharityDay.Contracts;
using CharityDay.Grains;
using CharityDay.Server.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Hubs;

/// <summary>
/// Sends the total grain's pushes to the audience's SignalR group of the event on this node. Each event
/// and audience has its own <see cref="PushLane"/>, so the grain hands a push over and goes on while
/// thousands of phones are written to, and the big screens never wait for the phones.
/// </summary>
internal sealed class SignalRLiveBroadcaster(IHubContext<LiveHub> hub, ILogger<SignalRLiveBroadcaster> logger) : ILiveBroadcaster
{
    private readonly ConcurrentDictionary<(string EventId, LiveAudience Audience), PushLane> _lanes = new();

    public void Push(LiveAudience audience, TotalPush push) => _lanes.GetOrAdd((push.EventId, audience), NewLane).Offer(push);

    private PushLane NewLane((string EventId, LiveAudience Audience) key) => new(
        push => LiveMetrics.SendPushAsync(key.Audience, () => hub.Clients.Group(LiveHub.GroupName(key.EventId, key.Audience)).SendAsync(LiveHub.TotalMethod, push)),
        (error, push) => logger.LogWarning(error, "Push of {EventId} to {Audience} at version {Version} failed", key.EventId, key.Audience, push.Version));
}
