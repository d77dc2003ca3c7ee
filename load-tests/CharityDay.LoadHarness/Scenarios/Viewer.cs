using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Target;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// One live connection to the running total through the full SignalR client, as the pages make it: a
/// WebSocket without negotiation (any node behind the balancer can take it), automatic reconnect that never
/// gives up, then after every (re)connect <c>Watch(eventId)</c> for a big screen or <c>Follow(eventId)</c>
/// for a phone, asked again while it fails, then <c>total</c> pushes. Each pushed pledge the harness sent
/// gives one pledge-to-screen or pledge-to-phone latency. Every big screen uses it; phones do with
/// <c>--phone-client signalr</c>.
/// </summary>
internal sealed class Viewer(HubTarget target, string eventId, ScenarioKind audience, PushObserver observer, RunClock clock, ScenarioStats stats) : ILiveViewer
{
    private readonly CancellationTokenSource _stopping = new();
    private HubConnection? _connection;
    private Task _restarting = Task.CompletedTask;
    private int _joined;
    private int _restartRunning;

    public bool IsConnected => _connection?.State == HubConnectionState.Connected && Volatile.Read(ref _joined) != 0;

    public ScenarioKind Audience => audience;

    public PhoneClient Client => PhoneClient.SignalR;

    public HubTarget Target => target;

    public PushObserver Observer => observer;

    public ViewerTotal? Shown => observer.Shown;

    public async Task<bool> StartAsync()
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(target.Hub, options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect(ReconnectDelays.Page)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, HarnessJson.Default))
            .Build();
        _connection.On<ViewerTotal>("total", OnPush);
        _connection.Reconnecting += _ =>
        {
            Volatile.Write(ref _joined, 0);
            return Task.CompletedTask;
        };
        _connection.Reconnected += connectionId =>
        {
            observer.CountReconnect();
            _ = JoinAsync();
            return Task.CompletedTask;
        };
        // Closed only when the server refused a reconnect or a start failed: the page starts again itself.
        _connection.Closed += _ =>
        {
            Volatile.Write(ref _joined, 0);
            ScheduleRestart();
            return Task.CompletedTask;
        };

        var started = RunClock.Now;
        var ok = await TryStartAsync();
        var end = RunClock.Now;
        stats.At(clock.SecondsAt(end)).RecordRequest(ok ? 200 : 0, RunClock.Milliseconds(started, end), 0, 0);
        if (!ok)
        {
            ScheduleRestart();
        }

        return ok;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        await _restarting;
        _stopping.Dispose();
    }

    private async Task<bool> TryStartAsync()
    {
        try
        {
            await _connection!.StartAsync(_stopping.Token);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or InvalidOperationException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            return false;
        }

        return await JoinAsync();
    }

    private void ScheduleRestart()
    {
        if (!_stopping.IsCancellationRequested && Interlocked.Exchange(ref _restartRunning, 1) == 0)
        {
            _restarting = RestartAsync();
        }
    }

    /// <summary>
    /// Starts the connection again after it closed (or never opened), with the pages' waits, until it holds,
    /// the automatic reconnect has it, or the run ends. One at a time.
    /// </summary>
    private async Task RestartAsync()
    {
        try
        {
            for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
            {
                await Task.Delay(ReconnectDelays.After(attempt), _stopping.Token);
                if (_connection!.State != HubConnectionState.Disconnected)
                {
                    return;
                }

                if (await TryStartAsync())
                {
                    observer.CountReconnect();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        finally
        {
            Volatile.Write(ref _restartRunning, 0);
        }
    }

    /// <summary>Joins the audience and shows the snapshot; asks again with the pages' waits while the connection is up.</summary>
    private async Task<bool> JoinAsync()
    {
        for (var attempt = 0; !_stopping.IsCancellationRequested && _connection!.State == HubConnectionState.Connected; attempt++)
        {
            try
            {
                var snapshot = await _connection.InvokeAsync<ViewerTotal>(audience == ScenarioKind.Screens ? "Watch" : "Follow", eventId, _stopping.Token);
                observer.Show(snapshot.Version, snapshot.TotalFen, snapshot.PledgeCount);
                Volatile.Write(ref _joined, 1);
                return true;
            }
            catch (Exception error) when (error is HubException or IOException or InvalidOperationException or OperationCanceledException)
            {
                try
                {
                    await Task.Delay(ReconnectDelays.After(attempt + 1), _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private void OnPush(ViewerTotal push)
    {
        var now = RunClock.Now;
        var latency = observer.Pushed(now, push.Version, push.TotalFen, push.PledgeCount);
        foreach (var item in push.NewPledges ?? [])
        {
            observer.Sighted(latency, now, item.PledgeId);
        }
    }
}
