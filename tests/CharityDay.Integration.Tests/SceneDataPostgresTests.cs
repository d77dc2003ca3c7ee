using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Moderation;
using CharityDay.Grains.Scenes;
using CharityDay.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The wall's scenes read on PostgreSQL as on SQLite: the honour roll sums shown names per kind, leaves out
/// anonymous, held and voided pledges; the thank-you roll counts stand-ins; the tier round takes the stage
/// pledges since it began; with names hidden by the admin every scene shows stand-ins only.
/// </summary>
public sealed class SceneDataPostgresTests
{
    private const string EventId = "pg-scenes";

    [Fact]
    public async Task The_scenes_shape_names_as_the_feed_does()
    {
        await using var postgres = await PostgresDatabase.CreateAsync();
        await using var database = new LedgerDatabase(NpgsqlDataSource.Create(postgres.ConnectionString), StorageDialect.Postgres);
        await DatabaseSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var ledger = new SqlPledgeLedger(database);
        var start = DateTimeOffset.UtcNow;
        var voided = Entry("p4", 4, PledgeChannel.Stage, 8_000_00, "录错集团", DonorKind.Enterprise, start);
        await ledger.AppendAsync([
            Entry("p1", 1, PledgeChannel.Stage, 3_000_00, "豫商集团", DonorKind.Enterprise, start),
            Entry("p2", 2, PledgeChannel.Stage, 2_000_00, "豫商集团", DonorKind.Enterprise, start.AddSeconds(2)),
            Entry("p3", 3, PledgeChannel.Stage, 9_000_00, "不留名", DonorKind.Enterprise, start, anonymous: true),
            voided, LedgerEntry.ForVoid(EventId, voided, 5, "误录", "admin", start),
            Entry("p6", 6, PledgeChannel.Online, 200_00, "王小明", DonorKind.Individual, start, note: "祝福"),
            Entry("p7", 7, PledgeChannel.Online, 900_00, "待审核", DonorKind.Individual, start, note: "未审"),
        ]);
        await new SqlModeration(database).SaveDecisionAsync(EventId, "p6", ModerationState.Approved, "王晓明", "moderator", start);
        var scenes = new SqlSceneData(database);
        var query = new SceneQuery(EventId, EventDefinition.LiveRun, ModerateStageNames: false, ShowDonorNames: true);

        var roll = await scenes.HonourRollAsync(query);
        Assert.Equal([new DonorLine("豫商集团", 5_000_00, 2)], roll.Enterprises);
        Assert.Equal([new DonorLine("王晓明", 200_00, 1)], roll.Individuals);
        var thanks = await scenes.ThanksAsync(query);
        Assert.Equal(["豫商集团", "王晓明"], thanks.Donors.Select(d => d.Name));
        Assert.Equal((0L, 2L), (thanks.MoreCount, thanks.StandInCount));
        var message = Assert.Single((await scenes.MessagesAsync(query)).Messages);
        Assert.Equal(("王晓明", "祝福"), (message.Name, message.Message));

        var round = await scenes.RoundAsync(query, ShowState.Default.WithScene(SceneKind.TierRound, 2_000_00, false, start.AddSeconds(1)));
        Assert.Equal(("p2", 2_000_00L, 1L), (Assert.Single(round.Pledges).PledgeId, round.TotalFen, round.Count));

        var hidden = query with { ShowDonorNames = false };
        Assert.Empty((await scenes.HonourRollAsync(hidden)).Enterprises);
        Assert.Equal((0, 5L), ((await scenes.ThanksAsync(hidden)).Donors.Count, (await scenes.ThanksAsync(hidden)).StandInCount));
        var held = await scenes.ThanksAsync(query with { ModerateStageNames = true });
        Assert.Equal(["王晓明"], held.Donors.Select(d => d.Name));
    }

    private static LedgerEntry Entry(string pledgeId, long sequence, PledgeChannel channel, long amountFen, string name, DonorKind kind,
        DateTimeOffset at, bool anonymous = false, string? note = null) => LedgerEntry.ForPledge(
        EventId,
        new RecordedPledge(new PledgeDraft(pledgeId, channel == PledgeChannel.Stage ? "desk-1" : "online-0", channel, amountFen, name, kind, anonymous, null, note, "operator"),
            sequence, at, PledgeStatus.Confirmed),
        EventDefinition.LiveRun);
}
