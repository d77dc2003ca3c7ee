namespace CharityDay.Server.Health;

/// <summary>
/// The first step of a graceful stop (SIGTERM): the node says it is not ready and goes on serving for
/// <see cref="Hosting.CharityDayOptions.ShutdownDrain"/>, while the balancer's health checks notice and
/// send new requests elsewhere. Then the host stops Kestrel (requests in flight finish) and the silo
/// (the grains deactivate: each desk writes what it has admitted and other nodes take the grains over).
/// </summary>
internal sealed class ShutdownDrain(TimeSpan drain, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (drain <= TimeSpan.Zero)
        {
            return;
        }

        logger.LogInformation("Stopping: not ready from now on; serving for another {Drain} while the balancer moves traffic away", drain);
        try
        {
            await Task.Delay(drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
