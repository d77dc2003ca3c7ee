using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// One live connection to the running total over SignalR, as the pages make it: WebSockets, automatic
/// reconnect, then after every (re)connect <c>Watch(eventId)</c> for a big screen or <c>Follow(eventId)</c>
/// for a phone, then <c>total</c> pushes. Each pushed pledge the harness sent gives one pledge-to-screen
/// or pledge-to-phone latency.
/// </summary>
internal sealed class Viewer(Uri hub, string eventId, ScenarioKind audience, PledgeBook book, RunClock clock, ScenarioStats stats) : IAsyncDisposable
{
    private readonly bool _isScreen = audience == ScenarioKind.Screens;
    private readonly Lock _gate = new();
    private HubConnection? _connection;
    private long _lastPushVersion = -1;

    public bool IsConnected => _connection?.State == HubConnectionState.Connected;

    public ScenarioKind Audience => audience;

    /// <summary>The newest total this connection shows (from a push or a snapshot).</summary>
    public ViewerTotal? Shown { get; private set; }

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
        Show(snapshot);
    }

    private void OnPush(ViewerTotal push)
    {
        var now = RunClock.Now;
        var second = stats.At(clock.SecondsAt(now));
        second.RecordPush(0);
        lock (_gate)
        {
            // Pushes of one connection arrive in order; an older version after a newer one is a bug to report.
            if (push.Version < _lastPushVersion)
            {
                stats.CountVersionRegression();
            }

            _lastPushVersion = Math.Max(_lastPushVersion, push.Version);
        }

        Show(push);
        var latency = _isScreen ? second.ScreenLatency : second.PhoneLatency;
        foreach (var item in push.NewPledges ?? [])
        {
            if (book.TryGet(item.PledgeId, out var pledge))
            {
                latency.RecordMilliseconds(RunClock.Milliseconds(pledge.SentAt, now));
                pledge.MarkSeen(_isScreen);
            }
        }
    }

    private void Show(ViewerTotal total)
    {
        lock (_gate)
        {
            if (Shown is null || total.Version >= Shown.Version)
            {
                Shown = total;
            }
        }
    }
}
