namespace CharityDay.Server.Health;

/// <summary>
/// The first step of a graceful stop (SIGTERM): the node says it is not ready and goes on serving for
/// <see cref="Hosting.CharityDayOptions.ShutdownDrain"/>, while the balancer's health checks notice and
/// send new requests elsewhere. Then the host stops Kestrel (requests in flight finish) and the silo
/// (the grains deactivate: each desk writes what it has admitted and other nodes take the grains over).
/// Before that it closes the live hub connections (<see cref="OpenHubConnections"/>), which Kestrel would wait for.
/// A stop that cannot finish (Orleans retries its membership update for as long as Redis is down) ends
/// the process after <paramref name="finishWithin"/>: nothing acknowledged is lost by it, every ack
/// follows a commit, and a node that neither serves nor exits is worse than one that exits.
/// </summary>
internal sealed class ShutdownDrain(
    TimeSpan drain, TimeSpan finishWithin, OpenHubConnections hubConnections, ILogger<ShutdownDrain> logger, TimeProvider clock, Action<int> exit)
    : IHostedLifecycleService, IDisposable
{
    public ShutdownDrain(TimeSpan drain, TimeSpan finishWithin, OpenHubConnections hubConnections, ILogger<ShutdownDrain> logger)
        : this(drain, finishWithin, hubConnections, logger, TimeProvider.System, Environment.Exit)
    {
    }

    /// <summary>The exit code of a stop that did not finish in time.</summary>
    public const int UnfinishedStopExitCode = 3;

    private readonly Lock _gate = new();
    private volatile bool _draining;
    private bool _disposed;
    private ITimer? _deadline;

    public bool IsDraining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        lock (_gate)
        {
            // A host that Run already disposed (its start failed) has nothing left to stop: no deadline,
            // since nothing would disarm it.
            if (!_disposed)
            {
                _deadline ??= clock.CreateTimer(_ =>
                {
                    logger.LogCritical("The stop did not finish within {Limit}: exiting now", drain + finishWithin);
                    exit(UnfinishedStopExitCode);
                }, null, drain + finishWithin, Timeout.InfiniteTimeSpan);
            }
        }

        if (drain > TimeSpan.Zero)
        {
            logger.LogInformation("Stopping: not ready from now on; serving for another {Drain} while the balancer moves traffic away", drain);
            try
            {
                await Task.Delay(drain, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }

        logger.LogInformation("Stopping: closed {Connections} live connections; they reconnect to another node", hubConnections.CloseAll());
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _deadline?.Dispose();
        }
    }
}
