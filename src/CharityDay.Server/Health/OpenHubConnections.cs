using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Health;

/// <summary>
/// The hub connections open on this node, so a stopping node can close them once the balancer has
/// stopped sending it traffic. Kestrel's stop waits for every request to end, and a WebSocket never
/// does: left open, the big screens' and phones' connections held every stop for the host's whole
/// shutdown timeout, and the silo then stopped without time to hand its grains over. Closed, each
/// page reconnects at once, through the balancer, to a node that stays.
/// </summary>
internal sealed class OpenHubConnections : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private volatile bool _closing;

    public int Count => _open.Count;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        _open[context.Context.ConnectionId] = context.Context;
        if (_closing)
        {
            context.Context.Abort(); // arrived after the close: go elsewhere too
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Closes every connection, and every one that opens from now on.</summary>
    public int CloseAll()
    {
        _closing = true;
        var closed = 0;
        foreach (var connection in _open.Values)
        {
            connection.Abort();
            closed++;
        }

        return closed;
    }
}
