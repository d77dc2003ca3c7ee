using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// One WebSocket speaking the JSON hub protocol as the browser client does with <c>skipNegotiation</c>:
/// straight to the hub's URL, the handshake, then records both ways, a ping every 15 s, and a close frame
/// to end. Used by one connection attempt of a <see cref="LightViewer"/>; a reconnect opens a new one.
/// </summary>
internal sealed class HubSocket : IDisposable
{
    /// <summary>The client's defaults: the server drops a client silent for 30 s, so it pings at half that.</summary>
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    /// <summary>The client's default: a server silent this long (it pings every 15 s) is gone.</summary>
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly HubRecordBuffer _received = new();

    public HubSocket()
    {
        // A browser sends no WebSocket pings of its own; the hub protocol's pings keep the connection alive.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>The reader of the last record received: the pledge ids of the last push.</summary>
    public HubRecordReader Records { get; } = new();

    /// <summary>Connects and exchanges the handshake; false when the server answered it with an error.</summary>
    public async Task<bool> OpenAsync(Uri hub, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder(hub) { Scheme = hub.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        await _socket.ConnectAsync(uri, cancellationToken);
        await SendAsync(HubWire.Handshake, cancellationToken);
        return await ReceiveAsync(cancellationToken) is { HasError: false };
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The next record, read; null when the server closed the WebSocket.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<HubRecord?> ReceiveAsync(CancellationToken cancellationToken) =>
        await _received.NextAsync(_socket, cancellationToken) is { } record ? Records.Read(_received.Span(record)) : null;

    /// <summary>
    /// Pings until <paramref name="over"/> (the listener has seen the end); on <paramref name="stopping"/>
    /// sends the close frame instead, and the listener reads the server's answer. Must be the only sender.
    /// </summary>
    public async Task PingAsync(CancellationToken over, CancellationToken stopping)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(over, stopping);
        try
        {
            while (true)
            {
                await Task.Delay(PingEvery, either.Token);
                if (_received.SilentFor > ServerTimeout)
                {
                    // The server is gone without a close: what the client's server timeout detects.
                    _socket.Abort();
                    return;
                }

                await SendAsync(HubWire.PingRecord, either.Token);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !over.IsCancellationRequested)
        {
            await CloseAsync();
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended under the pinger; the listener sees it too.
        }
    }

    /// <summary>For a server that does not answer the close frame.</summary>
    public void Abort() => _socket.Abort();

    public void Dispose() => _socket.Dispose();

    private async Task CloseAsync()
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }
}
