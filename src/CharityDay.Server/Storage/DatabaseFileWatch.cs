using CharityDay.Grains.Storage;

namespace CharityDay.Server.Storage;

/// <summary>
/// Embedded mode: arms the <see cref="DatabaseFileGuard"/> once the schema is in place, then checks the
/// file every second, so a deleted or replaced database is logged and turns readiness false even while
/// no pledge comes in. Writes check it themselves, before and after each commit.
/// </summary>
internal sealed class DatabaseFileWatch(DatabaseFileGuard guard, LedgerDatabase database, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Armed before the next hosted service (the silo) starts, so no write goes unchecked.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await guard.ArmAsync(database.DataSource, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            // A fault stays until the restart: once seen and logged, there is nothing more to watch.
            while (guard.Check() is null && await timer.WaitForNextTickAsync(stoppingToken))
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
