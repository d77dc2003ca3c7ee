using System.Data.Common;
using System.Globalization;
using CharityDay.Contracts;
using CharityDay.Grains.Storage;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Moderation;

/// <summary>
/// Moderation in the node's database (the ledger's), through plain ADO.NET, so every node reads the
/// same decisions. Each write moves the event's moderation revision in the same transaction, and the
/// database does the counting: two activations of the moderation grain (a cluster change) still never
/// hand out one revision twice.
/// </summary>
public sealed partial class SqlModeration(LedgerDatabase database)
{
    private const string DecisionColumns = "pledge_id, state, display_name, revision, decided_by, decided_at_ms";

    public async Task<ModerationSettings> ReadSettingsAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT moderate_stage, revision FROM moderation_events WHERE event_id = {Add(command, "e", eventId)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ModerationSettings(reader.GetBoolean(0), GetLong(reader, 1)) : ModerationSettings.Default;
    }

    public Task<ModerationSettings> SaveSettingsAsync(string eventId, bool moderateStageNames, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var stage = Add(command, "s", moderateStageNames);
            command.CommandText =
                $"INSERT INTO moderation_events (event_id, revision, moderate_stage) VALUES ({Add(command, "e", eventId)}, 1, {stage}) " +
                "ON CONFLICT (event_id) DO UPDATE SET revision = moderation_events.revision + 1, moderate_stage = excluded.moderate_stage " +
                "RETURNING moderate_stage, revision";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new ModerationSettings(reader.GetBoolean(0), GetLong(reader, 1));
        }, cancellationToken);

    /// <summary>Stores the pledge's new decision under the event's next revision; the stored decision.</summary>
    public Task<ModerationDecision> SaveDecisionAsync(string eventId, string pledgeId, ModerationState state, string? displayName,
        string decidedBy, DateTimeOffset decidedAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            long revision;
            await using (var bump = connection.CreateCommand())
            {
                bump.Transaction = transaction;
                bump.CommandText =
                    $"INSERT INTO moderation_events (event_id, revision, moderate_stage) VALUES ({Add(bump, "e", eventId)}, 1, {Add(bump, "s", false)}) " +
                    "ON CONFLICT (event_id) DO UPDATE SET revision = moderation_events.revision + 1 RETURNING revision";
                revision = Convert.ToInt64(await bump.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            var decision = new ModerationDecision(pledgeId, state, displayName, revision, decidedBy,
                DateTimeOffset.FromUnixTimeMilliseconds(decidedAt.ToUnixTimeMilliseconds()));
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText =
                $"INSERT INTO moderation_decisions (event_id, {DecisionColumns}) VALUES ({Add(upsert, "e", eventId)}, {Add(upsert, "p", pledgeId)}, " +
                $"{Add(upsert, "st", (short)state)}, {Add(upsert, "n", displayName)}, {Add(upsert, "r", revision)}, {Add(upsert, "b", decidedBy)}, " +
                $"{Add(upsert, "at", decidedAt.ToUnixTimeMilliseconds())}) ON CONFLICT (event_id, pledge_id) DO UPDATE SET state = excluded.state, " +
                "display_name = excluded.display_name, revision = excluded.revision, decided_by = excluded.decided_by, decided_at_ms = excluded.decided_at_ms";
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            return decision;
        }, cancellationToken);

    /// <summary>The decisions stored for these pledges; a pledge without one is pending.</summary>
    public async Task<IReadOnlyDictionary<string, ModerationDecision>> DecisionsAsync(string eventId, IReadOnlyCollection<string> pledgeIds,
        CancellationToken cancellationToken = default)
    {
        var decisions = new Dictionary<string, ModerationDecision>(StringComparer.Ordinal);
        if (pledgeIds.Count == 0)
        {
            return decisions;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var ids = string.Join(", ", pledgeIds.Select((id, i) => Add(command, "p" + i, id)));
        command.CommandText = $"SELECT {DecisionColumns} FROM moderation_decisions WHERE event_id = {Add(command, "e", eventId)} AND pledge_id IN ({ids})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var decision = ReadDecision(reader, 0);
            decisions[decision.PledgeId] = decision;
        }

        return decisions;
    }

    private static ModerationDecision ReadDecision(DbDataReader reader, int first) => new(
        reader.GetString(first),
        (ModerationState)GetLong(reader, first + 1),
        reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        GetLong(reader, first + 3),
        reader.GetString(first + 4),
        DateTimeOffset.FromUnixTimeMilliseconds(GetLong(reader, first + 5)));

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        var gate = database.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            database.FileGuard?.ThrowIfKnownLost();
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var written = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            gate?.Release();
        }
    }
}
