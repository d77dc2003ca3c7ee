using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests.Moderation;

/// <summary>A big screen (or a phone) connected to the test server's hub: its snapshot, then every push it receives.</summary>
internal sealed class LiveFeed : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonElement> _pushes = Channel.CreateUnbounded<JsonElement>();

    private LiveFeed(HubConnection connection) => _connection = connection;

    public JsonElement Snapshot { get; private set; }

    /// <summary>Connects and asks to watch (a screen: <c>Watch</c>) or follow (a phone: <c>Follow</c>) the event.</summary>
    public static async Task<LiveFeed> ConnectAsync(CharityDayApp app, string eventId, string method = "Watch")
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions = CharityDayApp.Json)
            .Build();
        var feed = new LiveFeed(connection);
        connection.On<JsonElement>("total", push => feed._pushes.Writer.TryWrite(push));
        await connection.StartAsync();
        feed.Snapshot = await connection.InvokeAsync<JsonElement>(method, eventId);
        return feed;
    }

    /// <summary>The next push with the pledge's line meeting the condition, within <paramref name="within"/>; the line.</summary>
    public async Task<JsonElement> LineAsync(string pledgeId, Func<JsonElement, JsonElement, bool> condition, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            var push = await _pushes.Reader.ReadAsync(deadline.Token);
            foreach (var line in push.GetProperty("newPledges").EnumerateArray())
            {
                if (line.GetProperty("pledgeId").GetString() == pledgeId && condition(push, line))
                {
                    return line;
                }
            }
        }
    }

    /// <summary>The next push meeting the condition, within <paramref name="within"/>.</summary>
    public async Task<JsonElement> PushAsync(Func<JsonElement, bool> condition, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            var push = await _pushes.Reader.ReadAsync(deadline.Token);
            if (condition(push))
            {
                return push;
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
