using System.Data.Common;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CharityDay.Server.Storage;

/// <summary>Registers the database (SQLite or PostgreSQL), the ledger and the start-up schema step.</summary>
public static class StorageHostingExtensions
{
    public static StorageSettings AddCharityDayStorage(this IHostApplicationBuilder builder)
    {
        var settings = StorageSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(_ => new LedgerDatabase(CreateDataSource(settings), settings.Dialect));
        builder.Services.AddSingleton<IPledgeLedger, SqlPledgeLedger>();

        // Registered before the silo so the tables and queries exist when Orleans' storage starts.
        builder.Services.AddHostedService<SchemaInitializer>();
        return settings;
    }

    private static DbDataSource CreateDataSource(StorageSettings settings) => settings.Dialect switch
    {
        StorageDialect.Postgres => NpgsqlDataSource.Create(settings.ConnectionString),
        _ => SqliteFactory.Instance.CreateDataSource(settings.ConnectionString),
    };
}
