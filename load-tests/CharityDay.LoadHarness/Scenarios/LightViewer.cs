using System.Net.WebSockets;
using System.Text.Json;
using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// A phone viewer that speaks the JSON hub protocol itself (<see cref="HubSocket"/>), the bytes the viewer
/// page sends and receives on WebSockets: after every (re)connect <c>Follow(eventId)</c> and its snapshot,
/// then <c>total</c> pushes, each pushed pledge the harness sent giving one pledge-to-phone latency. A lost
/// or refused connection is tried again with the pages' waits (<see cref="ReconnectDelays"/>). The
/// full client costs more CPU per phone than the server spends on it, so on a small machine thousands of
/// phones would measure the harness rather than the server.
/// </summary>
internal sealed class LightViewer(HubTarget target, string eventId, PushObserver observer, RunClock clock, ScenarioStats stats) : ILiveViewer
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(15);

    private readonly byte[] _follow = HubWire.Invoke("Follow", eventId, invocationId: 1);
    private readonly CancellationTokenSource _stopping = new();
    private HubSocket? _socket;
    private Task _held = Task.CompletedTask;
    private int _connected;

    public bool IsConnected => Volatile.Read(ref _connected) != 0;

    public ScenarioKind Audience => ScenarioKind.Viewers;

    public PhoneClient Client => PhoneClient.Light;

    public HubTarget Target => target;

    public PushObserver Observer => observer;

    public ViewerTotal? Shown => observer.Shown;

    public async Task<bool> StartAsync()
    {
        var started = RunClock.Now;
        var socket = await ConnectAsync();
        var end = RunClock.Now;
        stats.At(clock.SecondsAt(end)).RecordRequest(socket is null ? 0 : 200, RunClock.Milliseconds(started, end), 0, 0);
        // A phone whose first connect failed keeps trying, as the page does.
        _held = HoldAsync(socket);
        return socket is not null;
    }

    /// <summary>Closes as the client's <c>stop()</c> does: a close frame, the server's answer, else an abort.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _held.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            Volatile.Read(ref _socket)?.Abort();
            await _held;
        }
    }

    /// <summary>Handshake, then <c>Follow</c> until its snapshot arrives; null when either failed.</summary>
    private async Task<HubSocket?> ConnectAsync()
    {
        var socket = new HubSocket();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            deadline.CancelAfter(HandshakeTimeout);
            if (await socket.OpenAsync(target.Hub, deadline.Token))
            {
                // The invocation waits as long as the server is heard from, like the client's server timeout.
                deadline.CancelAfter(HubSocket.ServerTimeout);
                await socket.SendAsync(_follow, deadline.Token);
                while (await socket.ReceiveAsync(deadline.Token) is { } message)
                {
                    if (message.Type == HubWire.Completion)
                    {
                        if (message.HasError || !message.HasTotals)
                        {
                            break;
                        }

                        observer.Show(message.Version, message.TotalFen, message.PledgeCount);
                        Volatile.Write(ref _socket, socket);
                        Volatile.Write(ref _connected, 1);
                        return socket;
                    }

                    // Joined before the snapshot is read, so pushes may come first: they count as pushes.
                    if (!OnMessage(message, socket.Records))
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or JsonException or IOException or HttpRequestException)
        {
            // A refused or broken connect is a failed connect, as it is for the full client.
        }

        socket.Dispose();
        return null;
    }

    /// <summary>Reads pushes until the connection ends, then reconnects as the page does, until stopped or closed for good.</summary>
    private async Task HoldAsync(HubSocket? first)
    {
        var socket = first ?? await ReconnectAsync();
        if (socket is null)
        {
            return;
        }

        while (true)
        {
            await ListenAsync(socket);
            Volatile.Write(ref _connected, 0);
            socket.Dispose();
            if (_stopping.IsCancellationRequested || await ReconnectAsync() is not { } again)
            {
                return;
            }

            socket = again;
        }
    }

    /// <summary>Connects again with the pages' waits until it holds; null once stopped.</summary>
    private async Task<HubSocket?> ReconnectAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Task.Delay(ReconnectDelays.After(attempt), _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            if (await ConnectAsync() is { } socket)
            {
                observer.CountReconnect();
                return socket;
            }
        }
    }

    private async Task ListenAsync(HubSocket socket)
    {
        using var over = new CancellationTokenSource();
        var pinging = socket.PingAsync(over.Token, _stopping.Token);
        try
        {
            // Not cancelled on stop: the pinger sends the close frame, and this reads the server's answer.
            while (await socket.ReceiveAsync(CancellationToken.None) is { } message)
            {
                if (!OnMessage(message, socket.Records))
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or JsonException or IOException or ObjectDisposedException)
        {
            // A dropped connection; the caller reconnects.
        }
        finally
        {
            await over.CancelAsync();
            await pinging;
        }
    }

    /// <summary>Takes in one message after the handshake; false when the server closes the connection.</summary>
    private bool OnMessage(HubRecord message, HubRecordReader records)
    {
        if (message.Type == HubWire.Invocation && message.IsTotalPush && message.HasTotals)
        {
            var now = RunClock.Now;
            var latency = observer.Pushed(now, message.Version, message.TotalFen, message.PledgeCount);
            for (var i = 0; i < records.PledgeIdCount; i++)
            {
                observer.Sighted(latency, now, records.PledgeId(i));
            }
        }

        if (message.Type != HubWire.Close)
        {
            return true;
        }

        // Even a close without allowReconnect (a stopping node closing its connections) is followed by a
        // new connection, as the pages' hub session does: the balancer sends it to a node that stays.
        return false;
    }
}
