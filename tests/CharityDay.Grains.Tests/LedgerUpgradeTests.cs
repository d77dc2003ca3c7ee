using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharityDay.Grains.Tests;

/// <summary>
/// An embedded database file written by a build before rehearsals keeps working: the start-up adds the
/// rehearsal column (SQLite has no ADD COLUMN IF NOT EXISTS), its rows count as the real night's, and
/// starting again changes nothing.
/// </summary>
public sealed class LedgerUpgradeTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"charityday-upgrade-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_ledger_file_from_before_rehearsals_gains_the_column_and_reads_its_rows_as_the_real_nights()
    {
        await using (var connection = new SqliteConnection($"Data Source={_file}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE pledge_ledger (entry_no INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, desk_id TEXT NOT NULL, " +
                "sequence INTEGER NOT NULL, entry_kind INTEGER NOT NULL, pledge_id TEXT NOT NULL, channel INTEGER NOT NULL, amount_fen INTEGER NOT NULL, " +
                "donor_name TEXT NOT NULL, donor_kind INTEGER NOT NULL, anonymous INTEGER NOT NULL, representative TEXT NULL, note TEXT NULL, " +
                "actor TEXT NOT NULL, recorded_at_ms INTEGER NOT NULL, UNIQUE (event_id, pledge_id, entry_kind), UNIQUE (event_id, desk_id, sequence)); " +
                "INSERT INTO pledge_ledger (event_id, desk_id, sequence, entry_kind, pledge_id, channel, amount_fen, donor_name, donor_kind, anonymous, actor, recorded_at_ms) " +
                "VALUES ('old-gala', 'desk-1', 1, 0, 'old-pledge', 0, 10000, '老企业', 0, 0, 'operator', 0);";
            await command.ExecuteNonQueryAsync();
        }

        await using var database = new LedgerDatabase(SqliteFactory.Instance.CreateDataSource($"Data Source={_file};Pooling=True"), StorageDialect.Sqlite);
        await DatabaseSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        await DatabaseSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var ledger = new SqlPledgeLedger(database);

        var old = Assert.Single(await ledger.PageAsync("old-gala", 0, 10));
        Assert.Equal(EventDefinition.LiveRun, old.Run);
        var rehearsed = LedgerEntry.ForPledge("old-gala", new RecordedPledge(
            new PledgeDraft("rehearsed", "desk-1", PledgeChannel.Stage, 5_00, "彩排", DonorKind.Enterprise, false, null, null, "operator"),
            2, DateTimeOffset.UtcNow, PledgeStatus.Confirmed), run: 1);
        Assert.Single(await ledger.AppendAsync([rehearsed]));
        Assert.Equal(new LedgerSums(100_00, 1, 1), await ledger.SumAsync("old-gala"));
        Assert.Equal(new DeskTally(5_00, 1, 2), await ledger.TallyDeskAsync("old-gala", "desk-1", 1));
    }
}
