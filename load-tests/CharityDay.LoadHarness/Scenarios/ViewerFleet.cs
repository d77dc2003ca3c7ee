using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Holds as many live connections (phones or big screens) as the scenario's simulation says (constant
/// or ramping). New ones connect in the background, a bounded number at a time, so a ramp looks like
/// people arriving and a slow handshake does not hold up the count. The connections stay open after
/// the load ends, until the correctness check has seen every one settle. Phones use the client
/// <c>--phone-client</c> names; big screens always the full SignalR client. Connection i goes to
/// <paramref name="targets"/>[i mod n] and stays there; a big screen reports to its target's <see cref="NodeScreens"/>.
/// </summary>
internal sealed class ViewerFleet(
    IReadOnlyList<NodeScreens> targets, string eventId, ScenarioKind audience, PhoneClient phoneClient, PledgeBook book, RunClock clock,
    LoadSimulation simulation, ScenarioStats stats, bool measureStaleness)
    : IAsyncDisposable
{
    private const int ConnectingAtOnce = 200;
    private readonly List<ILiveViewer> _viewers = [];
    private readonly List<Task> _starts = [];
    private readonly SemaphoreSlim _connecting = new(ConnectingAtOnce);

    public IReadOnlyList<ILiveViewer> Viewers => _viewers;

    public ScenarioKind Audience => audience;

    public ScenarioStats Stats => stats;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = SampleAsync(sampling.Token);
        while (!cancellationToken.IsCancellationRequested && clock.Seconds < simulation.TotalSeconds)
        {
            var wanted = (int)Math.Round(simulation.CopiesAt(clock.Seconds));
            if (_viewers.Count < wanted)
            {
                for (var i = _viewers.Count; i < wanted; i++)
                {
                    var viewer = Connect(i);
                    lock (_viewers)
                    {
                        _viewers.Add(viewer);
                    }

                    _starts.Add(StartAsync(viewer));
                }
            }
            else if (_viewers.Count > wanted)
            {
                List<ILiveViewer> leaving;
                lock (_viewers)
                {
                    leaving = _viewers.GetRange(wanted, _viewers.Count - wanted);
                    _viewers.RemoveRange(wanted, leaving.Count);
                }

                _starts.Add(Task.WhenAll(leaving.Select(v => v.DisposeAsync().AsTask())));
            }

            await Task.Delay(100, CancellationToken.None);
        }

        await Task.WhenAll(_starts);
        await sampling.CancelAsync();
        await sampler;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_viewers.Select(v => v.DisposeAsync().AsTask()));
        _viewers.Clear();
        _connecting.Dispose();
    }

    private ILiveViewer Connect(int index)
    {
        var light = audience == ScenarioKind.Viewers
            && (phoneClient == PhoneClient.Light || (phoneClient == PhoneClient.Mixed && (index / targets.Count) % 2 == 0));
        var target = targets[index % targets.Count];
        var isScreen = audience == ScenarioKind.Screens;
        var observer = new PushObserver(isScreen, book, clock, stats, isScreen ? target : null);
        return light
            ? new LightViewer(target.Target, eventId, observer, clock, stats)
            : new Viewer(target.Target, eventId, audience, observer, clock, stats);
    }

    private async Task StartAsync(ILiveViewer viewer)
    {
        await _connecting.WaitAsync();
        try
        {
            await viewer.StartAsync();
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>How far behind each connected big screen is (see <see cref="NodeScreens"/>): a lost one shows its own state and polls.</summary>
    private void SampleStaleness(IEnumerable<ILiveViewer> viewers)
    {
        var now = RunClock.Now;
        foreach (var viewer in viewers)
        {
            if (viewer.IsConnected && viewer.Shown is { } shown)
            {
                var oldest = book.OldestUnshown(shown.PledgeCount, now);
                viewer.Observer.Node?.Stale(now, oldest is { } sentAt ? RunClock.Milliseconds(sentAt, now) : 0);
            }
        }
    }

    /// <summary>Connections held, four times a second, into the second they were counted in.</summary>
    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                ILiveViewer[] viewers;
                lock (_viewers)
                {
                    viewers = [.. _viewers];
                }

                stats.At(clock.Seconds).SampleConnections(viewers.Count(v => v.IsConnected));
                if (audience == ScenarioKind.Screens && measureStaleness)
                {
                    SampleStaleness(viewers);
                }

                await Task.Delay(250, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }
}
