using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CharityDay.Grains.Tests;

/// <summary>The look-up behind the operator's "desk 2 recorded this placard a minute ago" warning.</summary>
public sealed class RecentStagePledgesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 20, 0, 0, TimeSpan.FromHours(8));
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"charityday-similar-{Guid.NewGuid():N}.db");
    private LedgerDatabase _database = null!;
    private SqlPledgeLedger _ledger = null!;
    private long _sequence;

    public async Task InitializeAsync()
    {
        _database = new LedgerDatabase(SqliteFactory.Instance.CreateDataSource($"Data Source={_file};Pooling=False"), StorageDialect.Sqlite);
        await DatabaseSchema.ApplyAsync(_database, NullLogger.Instance, CancellationToken.None);
        _ledger = new SqlPledgeLedger(_database);
    }

    public Task DisposeAsync()
    {
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_same_donor_and_amount_from_another_desk_is_found_however_the_name_was_spaced_or_cased()
    {
        await RecordAsync("desk-1", "华夏（集团）有限公司", 5_000_000_00, Now.AddMinutes(-2));
        await RecordAsync("desk-2", "Acme Ltd", 1_000_00, Now.AddMinutes(-1));

        var chinese = await FindAsync("华夏 (集团) 有限公司", 5_000_000_00);
        var latin = await FindAsync("ＡＣＭＥ ltd.", 1_000_00);

        Assert.Equal("desk-1", Assert.Single(chinese).DeskId);
        Assert.Equal("desk-2", Assert.Single(latin).DeskId);
    }

    [Fact]
    public async Task Another_amount_another_donor_an_online_gift_and_another_event_are_not_matches()
    {
        await RecordAsync("desk-1", "张三", 10_000_00, Now.AddMinutes(-1));
        await RecordAsync(OnlineShard.DeskId(0), "李四", 10_000_00, Now.AddMinutes(-1), PledgeChannel.Online);
        await RecordAsync("desk-1", "王五", 10_000_00, Now.AddMinutes(-1), eventId: "other-gala");

        Assert.Empty(await FindAsync("张三", 20_000_00));
        Assert.Empty(await FindAsync("李四", 10_000_00));
        Assert.Empty(await FindAsync("王五", 10_000_00));
        Assert.Empty(await FindAsync("  ", 10_000_00));
    }

    [Fact]
    public async Task Only_the_window_counts_and_a_voided_pledge_is_no_longer_there()
    {
        await RecordAsync("desk-1", "赵六", 88_000_00, Now.AddMinutes(-6));
        var voided = await RecordAsync("desk-2", "赵六", 88_000_00, Now.AddMinutes(-1));
        await VoidAsync(voided, Now.AddSeconds(-30));

        Assert.Empty(await FindAsync("赵六", 88_000_00));

        var kept = await RecordAsync("desk-3", "赵六", 88_000_00, Now.AddSeconds(-10));
        Assert.Equal(kept.Draft.PledgeId, Assert.Single(await FindAsync("赵六", 88_000_00)).PledgeId);
    }

    [Fact]
    public async Task A_placard_of_a_reset_rehearsal_warns_no_one_on_the_night()
    {
        await RecordAsync("desk-1", "彩排集团", 66_000_00, Now.AddMinutes(-1), run: 1);

        Assert.Empty(await FindAsync("彩排集团", 66_000_00));
    }

    private Task<IReadOnlyList<RecentStagePledge>> FindAsync(string donorName, long amountFen) =>
        new RecentStagePledges(_database).SameDonorAsync("gala", donorName, amountFen, Now.AddMinutes(-5), EventDefinition.LiveRun);

    private async Task<RecordedPledge> RecordAsync(
        string deskId, string donorName, long amountFen, DateTimeOffset at, PledgeChannel channel = PledgeChannel.Stage, string eventId = "gala",
        int run = EventDefinition.LiveRun)
    {
        var pledge = new RecordedPledge(
            new PledgeDraft(Guid.NewGuid().ToString("N"), deskId, channel, amountFen, donorName, DonorKind.Enterprise, false, null, null, "test"),
            ++_sequence, at, PledgeStatus.Confirmed);
        await _ledger.AppendAsync([LedgerEntry.ForPledge(eventId, pledge, run)]);
        return pledge;
    }

    private async Task VoidAsync(RecordedPledge pledge, DateTimeOffset at) =>
        await _ledger.AppendAsync([LedgerEntry.ForVoid("gala", LedgerEntry.ForPledge("gala", pledge, EventDefinition.LiveRun), ++_sequence, "误录", "admin", at)]);
}
