using System.Data.Common;
using CharityDay.Contracts;
using CharityDay.Grains.Storage;

namespace CharityDay.Server.Baselines;

/// <summary>
/// The naive peer's tables and its one-transaction-per-pledge write, on the node's own database
/// (PostgreSQL, or SQLite in embedded mode, where the same statements run). The tables are created
/// at start-up, idempotently, only when the baselines are enabled.
/// </summary>
public sealed class NaivePeerStore(LedgerDatabase database, ILogger<NaivePeerStore> logger) : IHostedService
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS naive_pledges
        (
            event_id       text   NOT NULL,
            pledge_id      text   NOT NULL,
            desk_id        text   NOT NULL,
            channel        smallint NOT NULL,
            amount_fen     bigint NOT NULL,
            donor_name     text   NOT NULL,
            recorded_at_ms bigint NOT NULL,
            PRIMARY KEY (event_id, pledge_id)
        );
        CREATE TABLE IF NOT EXISTS naive_totals
        (
            event_id     text   NOT NULL PRIMARY KEY,
            total        bigint NOT NULL,
            pledge_count bigint NOT NULL
        );
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, Schema, cancellationToken);
        logger.LogInformation("Naive-peer baseline tables ready ({Dialect})", database.Dialect);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inserts the pledge and adds it to the event's totals row in one transaction; false when the id was already there.</summary>
    public async Task<bool> RecordAsync(
        string eventId, string pledgeId, string deskId, PledgeChannel channel, long amountFen, string donorName, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction,
            "INSERT INTO naive_pledges (event_id, pledge_id, desk_id, channel, amount_fen, donor_name, recorded_at_ms) " +
            "VALUES (@event, @pledge, @desk, @channel, @amount, @donor, @at) ON CONFLICT (event_id, pledge_id) DO NOTHING",
            cancellationToken,
            ("event", eventId), ("pledge", pledgeId), ("desk", deskId), ("channel", (short)channel), ("amount", amountFen),
            ("donor", donorName), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var updated = await ExecuteAsync(connection, transaction,
            "UPDATE naive_totals SET total = total + @amount, pledge_count = pledge_count + 1 WHERE event_id = @event",
            cancellationToken, ("amount", amountFen), ("event", eventId));
        if (updated == 0)
        {
            // The event's first pledge creates its row; two first pledges at once meet in the upsert.
            await ExecuteAsync(connection, transaction,
                "INSERT INTO naive_totals (event_id, total, pledge_count) VALUES (@event, @amount, 1) " +
                "ON CONFLICT (event_id) DO UPDATE SET total = naive_totals.total + excluded.total, pledge_count = naive_totals.pledge_count + 1",
                cancellationToken, ("event", eventId), ("amount", amountFen));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<NaiveTotal> TotalAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT total, pledge_count FROM naive_totals WHERE event_id = @event", ("event", eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new NaiveTotal(eventId, reader.GetInt64(0), reader.GetInt64(1))
            : new NaiveTotal(eventId, 0, 0);
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
