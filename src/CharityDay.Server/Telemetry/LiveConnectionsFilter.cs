using CharityDay.Grains;
using CharityDay.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Telemetry;

/// <summary>
/// Keeps <see cref="LiveMetrics"/>' count of open hub connections: a connection counts as joining until
/// its first <see cref="LiveHub.Watch"/> (a screen) or <see cref="LiveHub.Follow"/> (a phone) finds the
/// event, then under that audience until it closes. Outside the hub, so the hub stays about the event.
/// </summary>
internal sealed class LiveConnectionsFilter : IHubFilter
{
    private static readonly object StateKey = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);

        // Counted only once connected: SignalR calls no disconnect for a connection whose start failed.
        context.Context.Items[StateKey] = new ConnectionState();
        LiveMetrics.ConnectionOpened();
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var result = await next(invocationContext);

        // The hub answers null for an event that does not exist: that connection watches nothing.
        if (result is not null && AudienceOf(invocationContext.HubMethodName) is { } audience
            && invocationContext.Context.Items.TryGetValue(StateKey, out var state) && state is ConnectionState connection)
        {
            connection.Join(audience);
        }

        return result;
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(StateKey, out var state) && state is ConnectionState connection)
        {
            connection.Close();
        }

        await next(context, exception);
    }

    private static LiveAudience? AudienceOf(string hubMethod) => hubMethod switch
    {
        nameof(LiveHub.Watch) => LiveAudience.Screens,
        nameof(LiveHub.Follow) => LiveAudience.Viewers,
        _ => null,
    };

    /// <summary>One connection's place in the count; a join that finishes after the close changes nothing.</summary>
    private sealed class ConnectionState
    {
        private readonly Lock _gate = new();
        private LiveAudience? _audience;
        private bool _closed;

        public void Join(LiveAudience audience)
        {
            lock (_gate)
            {
                if (_closed || _audience is not null)
                {
                    return;
                }

                _audience = audience;
                LiveMetrics.ConnectionJoined(audience);
            }
        }

        public void Close()
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
                LiveMetrics.ConnectionClosed(_audience);
            }
        }
    }
}
