using CharityDay.Server.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CharityDay.Server.Tests.Health;

/// <summary>
/// The stop deadline ends a process whose stop hangs, and only that. A host whose start failed is
/// disposed by <c>Run</c> and may still be stopped afterwards (a test's factory does so): that late stop
/// must not arm a deadline nobody disarms, which ended a whole test host 35 s later.
/// </summary>
public sealed class ShutdownDrainTests
{
    private static readonly TimeSpan FinishWithin = TimeSpan.FromSeconds(35);
    private readonly FakeTimeProvider _clock = new();
    private readonly List<int> _exits = [];

    [Fact]
    public async Task A_stop_that_hangs_ends_the_process_when_the_deadline_passes()
    {
        var drain = Drain();
        await drain.StoppingAsync(CancellationToken.None);

        _clock.Advance(FinishWithin - TimeSpan.FromSeconds(1));
        Assert.Empty(_exits);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([ShutdownDrain.UnfinishedStopExitCode], _exits);
    }

    [Fact]
    public async Task A_stop_that_finishes_and_is_disposed_never_ends_the_process()
    {
        var drain = Drain();
        await drain.StoppingAsync(CancellationToken.None);
        await drain.StoppedAsync(CancellationToken.None);
        drain.Dispose();

        _clock.Advance(FinishWithin * 2);
        Assert.Empty(_exits);
    }

    [Fact]
    public async Task A_stop_asked_of_a_host_already_disposed_never_ends_the_process()
    {
        var drain = Drain();
        drain.Dispose(); // Run disposed the host when its start failed
        await drain.StoppingAsync(CancellationToken.None);

        _clock.Advance(FinishWithin * 2);
        Assert.Empty(_exits);
        Assert.True(drain.IsDraining);
    }

    [Fact]
    public async Task A_drain_says_not_ready_and_goes_on_serving_for_its_time_before_the_stop_goes_on()
    {
        var drain = Drain(TimeSpan.FromSeconds(3));
        var stopping = drain.StoppingAsync(CancellationToken.None);
        Assert.True(drain.IsDraining);

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(stopping.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(_exits);
    }

    private ShutdownDrain Drain(TimeSpan? drain = null) =>
        new(drain ?? TimeSpan.Zero, FinishWithin, new OpenHubConnections(), NullLogger<ShutdownDrain>.Instance, _clock, _exits.Add);
}
