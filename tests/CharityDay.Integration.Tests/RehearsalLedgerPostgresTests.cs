using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The ledger's rehearsal runs on PostgreSQL: a database made before rehearsals existed gains the
/// column with its rows read as the real night's, and rehearsal rows are in no real sum or page while
/// their ids stay taken and the desks' sequences run on across runs.
/// </summary>
public sealed class RehearsalLedgerPostgresTests
{
    private const string EventId = "pg-rehearsal";

    [Fact]
    public async Task Rehearsal_rows_count_only_in_their_run_and_an_older_ledger_reads_its_rows_as_the_real_nights()
    {
        await using var postgres = await PostgresDatabase.CreateAsync();
        await using var database = new LedgerDatabase(NpgsqlDataSource.Create(postgres.ConnectionString), StorageDialect.Postgres);
        await CreateLedgerAsBeforeRehearsalsAsync(postgres.ConnectionString);

        await DatabaseSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        await DatabaseSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None); // every start applies it again
        var ledger = new SqlPledgeLedger(database);
        var old = Assert.Single(await ledger.PageAsync(EventId, 0, 10));
        Assert.Equal(("old-pledge", EventDefinition.LiveRun), (old.PledgeId, old.Run));

        var at = DateTimeOffset.UtcNow;
        var rehearsed = Entry("rehearsed-1", sequence: 2, amountFen: 9_000_00, at, run: 1);
        Assert.Single(await ledger.AppendAsync([rehearsed]));
        var voidedInRehearsal = Entry("rehearsed-2", sequence: 3, amountFen: 1_00, at, run: 1);
        Assert.Equal(2, (await ledger.AppendAsync([voidedInRehearsal, LedgerEntry.ForVoid(EventId, voidedInRehearsal, 4, "彩排", "admin", at)])).Count);

        // The same id sent again for the real night is not written: the rehearsal's row holds it.
        Assert.Empty(await ledger.AppendAsync([rehearsed with { Sequence = 5, Run = EventDefinition.LiveRun }]));
        Assert.Equal(1, (await ledger.FindAsync(EventId, ["rehearsed-1"]))["rehearsed-1"].Pledge.Run);

        Assert.Equal(new LedgerSums(100_00, 1, 1), await ledger.SumAsync(EventId));
        Assert.Equal(["old-pledge"], (await ledger.PageAsync(EventId, 0, 10)).Select(e => e.PledgeId));
        Assert.Equal(new DeskTally(9_000_00, 1, 4), (await ledger.TallyDesksAsync(EventId, 1))["desk-1"]);
        Assert.Equal(new DeskTally(100_00, 1, 4), await ledger.TallyDeskAsync(EventId, "desk-1", EventDefinition.LiveRun));
        Assert.Equal(new DeskTally(0, 0, 4), await ledger.TallyDeskAsync(EventId, "desk-1", 2));
        Assert.Equal(["rehearsed-1"], (await ledger.RecentAsync(EventId, 10, 1)).Select(f => f.PledgeId));
        Assert.Equal(["old-pledge"], (await ledger.RecentAsync(EventId, 10, EventDefinition.LiveRun)).Select(f => f.PledgeId));
        Assert.Equal(["rehearsed-1", "rehearsed-2"], (await ledger.DeskPledgesAsync(EventId, "desk-1", 10, 1)).Select(r => r.Pledge.PledgeId).Order());
    }

    private static LedgerEntry Entry(string pledgeId, long sequence, long amountFen, DateTimeOffset at, int run) => LedgerEntry.ForPledge(
        EventId,
        new RecordedPledge(new PledgeDraft(pledgeId, "desk-1", PledgeChannel.Stage, amountFen, "彩排企业", DonorKind.Enterprise, false, null, null, "operator"),
            sequence, at, PledgeStatus.Confirmed),
        run);

    /// <summary>The ledger table as builds before rehearsals made it, holding one pledge.</summary>
    private static async Task CreateLedgerAsBeforeRehearsalsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE pledge_ledger
            (
                entry_no bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id varchar(64) NOT NULL, desk_id varchar(64) NOT NULL,
                sequence bigint NOT NULL, entry_kind smallint NOT NULL, pledge_id varchar(64) NOT NULL, channel smallint NOT NULL,
                amount_fen bigint NOT NULL, donor_name varchar(200) NOT NULL, donor_kind smallint NOT NULL, anonymous boolean NOT NULL,
                representative varchar(200) NULL, note varchar(500) NULL, actor varchar(100) NOT NULL, recorded_at_ms bigint NOT NULL,
                UNIQUE (event_id, pledge_id, entry_kind), UNIQUE (event_id, desk_id, sequence)
            );
            INSERT INTO pledge_ledger (event_id, desk_id, sequence, entry_kind, pledge_id, channel, amount_fen, donor_name, donor_kind, anonymous, actor, recorded_at_ms)
            VALUES ('pg-rehearsal', 'desk-1', 1, 0, 'old-pledge', 0, 10000, '老企业', 0, false, 'operator', 0);
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }
}
