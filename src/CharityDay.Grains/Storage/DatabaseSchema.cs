using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Storage;

/// <summary>
/// Applies the project's own schema (Orleans grain-state tables and queries, the pledge ledger) at
/// start-up. Every statement is idempotent, so applying it on every start, from every node, is safe.
/// </summary>
public static class DatabaseSchema
{
    // Any fixed number: nodes starting together take turns applying the schema.
    private const long PostgresSchemaLockKey = 0x43484152495459;

    public static async Task ApplyAsync(LedgerDatabase database, ILogger logger, CancellationToken cancellationToken)
    {
        var script = ReadScript(database.Dialect == StorageDialect.Postgres ? "postgres.sql" : "sqlite.sql");
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (database.Dialect == StorageDialect.Postgres)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchemaLockKey})", cancellationToken);
            await ExecuteAsync(connection, transaction, script, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, null, script, cancellationToken);
            await LedgerColumns.AddMissingAsync(connection, logger, cancellationToken);
        }

        logger.LogInformation("Database schema applied ({Dialect})", database.Dialect);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(DatabaseSchema).Assembly.GetManifestResourceStream("CharityDay.Sql." + name)
            ?? throw new InvalidOperationException($"Schema script {name} is not embedded in the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
