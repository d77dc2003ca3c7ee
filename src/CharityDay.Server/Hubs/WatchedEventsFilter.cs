using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Hubs;

/// <summary>
/// A page watches one event, a screen with its preview two: a connection that Watches or Follows more
/// distinct events than <see cref="RateLimitOptions.WatchedEventsPerConnection"/> is scraping (or
/// probing for event ids) and is closed; the invocation that went over joins nothing.
/// </summary>
internal sealed partial class WatchedEventsFilter(IOptions<RateLimitOptions> options, ILogger<WatchedEventsFilter> logger) : IHubFilter
{
    private const string WatchedKey = "charity-day/watched-events";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocation.HubMethodName is nameof(LiveHub.Watch) or nameof(LiveHub.Follow)
            && invocation.HubMethodArguments is [string eventId, ..])
        {
            var items = invocation.Context.Items;
            HashSet<string> watched;
            lock (items)
            {
                watched = items.TryGetValue(WatchedKey, out var held) && held is HashSet<string> set ? set : [];
                items[WatchedKey] = watched;
            }

            bool tooMany;
            lock (watched)
            {
                tooMany = watched.Add(eventId) && watched.Count > options.Value.WatchedEventsPerConnection;
            }

            if (tooMany)
            {
                LogTooMany(invocation.Context.ConnectionId, options.Value.WatchedEventsPerConnection);
                // Closed without an exception: a thrown hub error is an error-level log entry with a stack
                // trace, and an abuser could have one written for every connection it opens.
                invocation.Context.Abort();
                return null;
            }
        }

        return await next(invocation);
    }

    // Debug, not warning: anyone can open a connection and ask for made-up events.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Closed hub connection {ConnectionId}: it asked for more than {Limit} events")]
    private partial void LogTooMany(string connectionId, int limit);
}
