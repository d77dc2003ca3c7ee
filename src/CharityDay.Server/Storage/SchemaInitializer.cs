using CharityDay.Grains.Storage;

namespace CharityDay.Server.Storage;

/// <summary>Applies the schema before anything reads the database; a failure stops the start with the reason.</summary>
internal sealed class SchemaInitializer(LedgerDatabase database, ILogger<SchemaInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSchema.ApplyAsync(database, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
