using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The admin's ledger search on PostgreSQL as on SQLite: a name matched anywhere in it (its % and _ taken
/// literally), desk, channel, amount range over a void's amount too, the time range, paging within it, and
/// what it matched in the whole ledger.
/// </summary>
public sealed class LedgerSearchPostgresTests
{
    private const string EventId = "pg-ledger-search";

    [Fact]
    public async Task The_search_finds_the_same_rows_on_PostgreSQL()
    {
        await using var postgres = await PostgresDatabase.CreateAsync();
        await using var database = new LedgerDatabase(NpgsqlDataSource.Create(postgres.ConnectionString), StorageDialect.Postgres);
        await DatabaseSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var ledger = new SqlPledgeLedger(database);
        var start = DateTimeOffset.UtcNow;
        var voided = Entry("p3", "desk-2", 3, PledgeChannel.Stage, 300_000_00, "100%_Love Trading", start.AddSeconds(20));
        await ledger.AppendAsync([
            Entry("p1", "desk-1", 1, PledgeChannel.Stage, 1_000_000_00, "华夏建设集团", start),
            Entry("p2", "desk-2", 2, PledgeChannel.Stage, 50_000_00, "华夏小学", start.AddSeconds(10)),
            voided, LedgerEntry.ForVoid(EventId, voided, 4, "重复录入", "admin", start.AddSeconds(30)),
            Entry("p5", "online-3", 5, PledgeChannel.Online, 88_00, "网友华夏", start.AddSeconds(40)),
        ]);

        async Task<string[]> Names(LedgerFilter filter, long after = 0, int limit = 100) =>
            [.. (await ledger.SearchAsync(EventId, filter, after, limit)).Select(entry => $"{entry.PledgeId}{(entry.Kind == LedgerEntryKind.Void ? "-void" : "")}")];

        Assert.Equal(["p1", "p2", "p5"], await Names(new LedgerFilter(Name: "华夏")));
        Assert.Equal(["p3", "p3-void"], await Names(new LedgerFilter(Name: "love")));
        Assert.Equal(["p3", "p3-void"], await Names(new LedgerFilter(Name: "0%_l")));
        Assert.Empty(await Names(new LedgerFilter(Name: "1%L")));
        Assert.Equal(["p2", "p3", "p3-void"], await Names(new LedgerFilter(DeskId: "desk-2")));
        Assert.Equal(["p5"], await Names(new LedgerFilter(Channel: PledgeChannel.Online)));
        Assert.Equal(["p1", "p3", "p3-void"], await Names(new LedgerFilter(MinFen: 300_000_00)));
        Assert.Equal(["p2", "p5"], await Names(new LedgerFilter(MaxFen: 50_000_00)));
        Assert.Equal(["p2", "p3"], await Names(new LedgerFilter(From: start.AddSeconds(10), To: start.AddSeconds(20))));
        Assert.Equal(["p2"], await Names(new LedgerFilter(Name: "华夏", Channel: PledgeChannel.Stage, DeskId: "desk-2", MaxFen: 50_000_00)));

        var firstPage = await ledger.SearchAsync(EventId, new LedgerFilter(DeskId: "desk-2"), 0, 2);
        Assert.Equal(["p3-void"], await Names(new LedgerFilter(DeskId: "desk-2"), firstPage[^1].EntryNo, 2));

        // What a search matched in the whole ledger, whatever the page.
        Assert.Equal(new LedgerMatch(2, 350_000_00, 1, 300_000_00), await ledger.MatchAsync(EventId, new LedgerFilter(DeskId: "desk-2")));
        Assert.Equal(new LedgerMatch(0, 0, 0, 0), await ledger.MatchAsync(EventId, new LedgerFilter(Name: "nobody")));
    }

    private static LedgerEntry Entry(string pledgeId, string deskId, long sequence, PledgeChannel channel, long amountFen, string name, DateTimeOffset at) =>
        LedgerEntry.ForPledge(
            EventId,
            new RecordedPledge(new PledgeDraft(pledgeId, deskId, channel, amountFen, name, DonorKind.Enterprise, false, null, null, "operator"),
                sequence, at, PledgeStatus.Confirmed),
            EventDefinition.LiveRun);
}
