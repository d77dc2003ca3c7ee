using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// One live connection to the running total through the full SignalR client, as the pages make it: WebSockets, automatic
/// reconnect, then after every (re)connect <c>Watch(eventId)</c> for a big screen or <c>Follow(eventId)</c>
/// for a phone, then <c>total</c> pushes. Each pushed pledge the harness sent gives one pledge-to-screen
/// or pledge-to-phone latency. Every big screen uses it; phones do with <c>--phone-client signalr</c>.
/// </summary>
internal sealed class Viewer(Uri hub, string eventId, ScenarioKind audience, PledgeBook book, RunClock clock, ScenarioStats stats) : ILiveViewer
{
    private readonly bool _isScreen = audience == ScenarioKind.Screens;
    private readonly PushObserver _observer = new(audience == ScenarioKind.Screens, book, clock, stats);
    private HubConnection? _connection;

    public bool IsConnected => _connection?.State == HubConnectionState.Connected;

    public ScenarioKind Audience => audience;

    public PhoneClient Client => PhoneClient.SignalR;

    public ViewerTotal? Shown => _observer.Shown;

    public async Task<bool> StartAsync()
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(hub, options => options.Transports = HttpTransportType.WebSockets)
            .WithAutomaticReconnect()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, HarnessJson.Default))
            .Build();
        _connection.On<ViewerTotal>("total", OnPush);
        _connection.Reconnected += async _ =>
        {
            stats.CountReconnect();
            await WatchAsync();
        };

        var started = RunClock.Now;
        var ok = false;
        try
        {
            await _connection.StartAsync();
            await WatchAsync();
            ok = true;
        }
        catch (Exception error) when (error is HttpRequestException or IOException or InvalidOperationException or HubException or TaskCanceledException or System.Net.WebSockets.WebSocketException)
        {
            ok = false;
        }

        var end = RunClock.Now;
        stats.At(clock.SecondsAt(end)).RecordRequest(ok ? 200 : 0, RunClock.Milliseconds(started, end), 0, 0);
        return ok;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task WatchAsync()
    {
        var snapshot = await _connection!.InvokeAsync<ViewerTotal>(_isScreen ? "Watch" : "Follow", eventId);
        _observer.Show(snapshot.Version, snapshot.TotalFen, snapshot.PledgeCount);
    }

    private void OnPush(ViewerTotal push)
    {
        var now = RunClock.Now;
        var latency = _observer.Pushed(now, push.Version, push.TotalFen, push.PledgeCount);
        foreach (var item in push.NewPledges ?? [])
        {
            _observer.Sighted(latency, now, item.PledgeId);
        }
    }
}
