using System.Data.Common;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Moderation;
using CharityDay.Grains.Scenes;
using CharityDay.Grains.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CharityDay.Server.Storage;

/// <summary>Registers the database (SQLite or PostgreSQL), the ledger and the moderation tables, the start-up schema step and, on SQLite, the watch on its file.</summary>
public static class StorageHostingExtensions
{
    public static StorageSettings AddCharityDayStorage(this IHostApplicationBuilder builder)
    {
        var settings = StorageSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(services => new LedgerDatabase(CreateDataSource(settings), settings.Dialect)
        {
            FileGuard = services.GetService<DatabaseFileGuard>(),
        });
        builder.Services.AddSingleton<IPledgeLedger, SqlPledgeLedger>();
        builder.Services.AddSingleton<SqlModeration>();
        builder.Services.AddSingleton<SqlSceneData>();
        builder.Services.AddSingleton<RecentStagePledges>();

        // Registered before the silo so the tables and queries exist when Orleans' storage starts.
        builder.Services.AddHostedService<SchemaInitializer>();
        if (settings.IsEmbedded)
        {
            // A file deleted or replaced under the running server: writes refused, readiness false.
            builder.Services.AddSingleton(services => new DatabaseFileGuard(settings.DatabaseFile, services.GetRequiredService<ILogger<DatabaseFileGuard>>()));
            builder.Services.AddHostedService<DatabaseFileWatch>();
        }

        return settings;
    }

    private static DbDataSource CreateDataSource(StorageSettings settings) => settings.Dialect switch
    {
        StorageDialect.Postgres => NpgsqlDataSource.Create(settings.ConnectionString),
        _ => SqliteFactory.Instance.CreateDataSource(settings.ConnectionString),
    };
}
