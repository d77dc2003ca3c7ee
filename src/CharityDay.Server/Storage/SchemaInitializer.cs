using System.Data.Common;
using CharityDay.Grains.Storage;

namespace CharityDay.Server.Storage;

/// <summary>
/// Applies the schema before anything reads the database. A database that cannot be reached stops the
/// start, naming the setting, rather than leaving a node up that can acknowledge nothing. The embedded
/// database's folder and file are made private first (<see cref="DataFolder"/>).
/// </summary>
internal sealed class SchemaInitializer(LedgerDatabase database, StorageSettings settings, ILogger<SchemaInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.IsEmbedded)
        {
            foreach (var warning in DataFolder.Prepare(settings.DataDirectory))
            {
                logger.LogWarning("{Warning}", warning);
            }

            DataFolder.CreateDatabaseFile(settings.DatabaseFile);
        }

        try
        {
            await DatabaseSchema.ApplyAsync(database, logger, cancellationToken);
        }
        catch (Exception error) when (error is DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            var where = settings.IsEmbedded
                ? $"the embedded database in {settings.DataDirectory} (CharityDay:DataDirectory)"
                : $"PostgreSQL at {settings.Describe()} (ConnectionStrings:Postgres)";
            throw new InvalidOperationException($"Cannot use {where}: {error.Message}", error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
