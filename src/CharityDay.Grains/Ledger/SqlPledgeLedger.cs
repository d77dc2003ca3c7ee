using System.Data.Common;
using System.Globalization;
using System.Text;
using CharityDay.Contracts;
using CharityDay.Grains.Storage;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// The ledger on SQLite or PostgreSQL through plain ADO.NET. One INSERT per batch (multi-row VALUES on
/// SQLite, arrays on PostgreSQL) keeps a group commit to one statement and one fsync; <c>ON CONFLICT DO NOTHING</c> makes a repeated pledge id
/// a no-op that the caller sees in the returned keys. On SQLite a write is checked after its commit and
/// answered only while the file is still the one the server opened (<see cref="DatabaseFileGuard"/>).
/// </summary>
public sealed partial class SqlPledgeLedger(LedgerDatabase database) : IPledgeLedger
{
    // Parameters per row times rows stays well under SQLite's 32,766 and PostgreSQL's 65,535 limits.
    private const int RowsPerStatement = 400;

    private const string Columns =
        "entry_no, event_id, desk_id, sequence, entry_kind, pledge_id, channel, amount_fen, donor_name, donor_kind, anonymous, representative, note, actor, recorded_at_ms, rehearsal_run";

    // A run's figures: the subtotal and the count of pledges minus voids; the last sequence is taken over every run.
    private const string RunFigures =
        "COALESCE(SUM(CASE WHEN rehearsal_run = @run THEN amount_fen ELSE 0 END), 0), " +
        "COALESCE(SUM(CASE WHEN rehearsal_run <> @run THEN 0 WHEN entry_kind = 0 THEN 1 ELSE -1 END), 0), COALESCE(MAX(sequence), 0)";

    public async Task<IReadOnlySet<(string PledgeId, LedgerEntryKind Kind)>> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        var written = new HashSet<(string, LedgerEntryKind)>();
        if (entries.Count == 0)
        {
            return written;
        }

        var gate = database.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            database.FileGuard?.ThrowIfKnownLost();
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            if (database.Dialect == StorageDialect.Postgres)
            {
                await using var insert = connection.CreateCommand();
                PostgresLedgerInsert.Bind(insert, entries);
                await ReadWrittenAsync(insert, written, cancellationToken);
                return written;
            }

            // One statement is atomic by itself; only a batch split over several needs a transaction,
            // and skipping BEGIN/COMMIT saves two round trips per commit on PostgreSQL.
            await using var transaction = entries.Count > RowsPerStatement ? await connection.BeginTransactionAsync(cancellationToken) : null;
            foreach (var chunk in entries.Chunk(RowsPerStatement))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = BuildInsert(command, chunk);
                await ReadWrittenAsync(command, written, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            // Committed, but into the file the path still leads to? Only then is it acknowledged.
            database.FileGuard?.ThrowIfLost();
        }
        finally
        {
            gate?.Release();
        }

        return written;
    }

    public async Task<IReadOnlyDictionary<string, LedgerRecord>> FindAsync(string eventId, IReadOnlyCollection<string> pledgeIds, CancellationToken cancellationToken = default)
    {
        var pledges = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        var voids = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        if (pledgeIds.Count > 0)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            foreach (var chunk in pledgeIds.Chunk(RowsPerStatement))
            {
                await using var command = connection.CreateCommand();
                var names = new StringBuilder();
                for (var i = 0; i < chunk.Length; i++)
                {
                    names.Append(i == 0 ? "" : ", ").Append(Add(command, "id" + i.ToString(CultureInfo.InvariantCulture), chunk[i]));
                }

                command.CommandText = $"SELECT {Columns} FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} AND pledge_id IN ({names})";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var entry = ReadEntry(reader);
                    (entry.Kind == LedgerEntryKind.Pledge ? pledges : voids)[entry.PledgeId] = entry;
                }
            }
        }

        return pledges.ToDictionary(p => p.Key, p => new LedgerRecord(p.Value, voids.GetValueOrDefault(p.Key)), StringComparer.Ordinal);
    }

    public async Task<DeskTally> TallyDeskAsync(string eventId, string deskId, int run, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Add(command, "run", run);
        command.CommandText =
            $"SELECT {RunFigures} FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} AND desk_id = {Add(command, "desk", deskId)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DeskTally(GetLong(reader, 0), GetLong(reader, 1), GetLong(reader, 2));
    }

    public async Task<IReadOnlyDictionary<string, DeskTally>> TallyDesksAsync(string eventId, int run, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Add(command, "run", run);
        command.CommandText =
            $"SELECT desk_id, {RunFigures} FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} GROUP BY desk_id";
        var desks = new Dictionary<string, DeskTally>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            desks[reader.GetString(0)] = new DeskTally(GetLong(reader, 1), GetLong(reader, 2), GetLong(reader, 3));
        }

        return desks;
    }

    private static async Task ReadWrittenAsync(DbCommand insert, HashSet<(string, LedgerEntryKind)> written, CancellationToken cancellationToken)
    {
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            written.Add((reader.GetString(0), (LedgerEntryKind)reader.GetInt32(1)));
        }
    }

    private static string BuildInsert(DbCommand command, LedgerEntry[] rows)
    {
        var sql = new StringBuilder(
            "INSERT INTO pledge_ledger (event_id, desk_id, sequence, entry_kind, pledge_id, channel, amount_fen, donor_name, donor_kind, anonymous, representative, note, actor, recorded_at_ms, rehearsal_run) VALUES ");
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "(" : ", (")
                .Append(Add(command, "e" + n, row.EventId)).Append(", ")
                .Append(Add(command, "d" + n, row.DeskId)).Append(", ")
                .Append(Add(command, "s" + n, row.Sequence)).Append(", ")
                .Append(Add(command, "k" + n, (short)row.Kind)).Append(", ")
                .Append(Add(command, "p" + n, row.PledgeId)).Append(", ")
                .Append(Add(command, "c" + n, (short)row.Channel)).Append(", ")
                .Append(Add(command, "a" + n, row.AmountFen)).Append(", ")
                .Append(Add(command, "n" + n, row.DonorName)).Append(", ")
                .Append(Add(command, "dk" + n, (short)row.DonorKind)).Append(", ")
                .Append(Add(command, "an" + n, row.Anonymous)).Append(", ")
                .Append(Add(command, "r" + n, row.Representative)).Append(", ")
                .Append(Add(command, "no" + n, row.Note)).Append(", ")
                .Append(Add(command, "ac" + n, row.Actor)).Append(", ")
                .Append(Add(command, "t" + n, row.RecordedAt.ToUnixTimeMilliseconds())).Append(", ")
                .Append(Add(command, "rr" + n, row.Run)).Append(')');
        }

        return sql.Append(" ON CONFLICT (event_id, pledge_id, entry_kind) DO NOTHING RETURNING pledge_id, entry_kind").ToString();
    }

    private static LedgerEntry ReadEntry(DbDataReader reader) => new(
        EntryNo: reader.GetInt64(0),
        EventId: reader.GetString(1),
        DeskId: reader.GetString(2),
        Sequence: reader.GetInt64(3),
        Kind: (LedgerEntryKind)reader.GetInt32(4),
        PledgeId: reader.GetString(5),
        Channel: (PledgeChannel)reader.GetInt32(6),
        AmountFen: reader.GetInt64(7),
        DonorName: reader.GetString(8),
        DonorKind: (DonorKind)reader.GetInt32(9),
        Anonymous: reader.GetBoolean(10),
        Representative: reader.IsDBNull(11) ? null : reader.GetString(11),
        Note: reader.IsDBNull(12) ? null : reader.GetString(12),
        Actor: reader.GetString(13),
        RecordedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)),
        Run: reader.GetInt32(15));
}
