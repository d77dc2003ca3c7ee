using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Two desks can be sent one pledge id at once. The desk that loses the insert must stay in step with
/// the ledger, or its next reports are taken for duplicates once it is rebuilt.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class LostRaceTests(CharityCluster cluster)
{
    [Fact]
    public async Task A_desk_that_lost_a_race_for_a_pledge_id_is_still_counted_after_it_is_rebuilt()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        var before = await LoseRaceAtDesk2Async(eventId);

        await cluster.Cluster.DeactivateAsync(cluster.Desk(eventId, "desk-2"));
        var next = Pledges.Stage("desk-2", 2_000_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-2").RecordAsync(next)).Kind);

        var after = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((before.TotalFen + next.AmountFen, 2L), (after.Ledger.TotalFen, after.Ledger.PledgeCount));
        Assert.Equal((after.Ledger.TotalFen, after.Ledger.PledgeCount), (after.Snapshot.TotalFen, after.Snapshot.PledgeCount));
        Assert.True(after.Snapshot.Version > before.Version, $"version {after.Snapshot.Version} after {before.Version}");
    }

    [Fact]
    public async Task A_total_rebuilt_after_a_lost_race_does_not_step_back_its_version()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        var before = await LoseRaceAtDesk2Async(eventId);

        await cluster.Cluster.DeactivateAsync(cluster.Desk(eventId, "desk-2"));
        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));

        var after = await cluster.Total(eventId).GetSnapshotAsync();
        Assert.True(after.Version >= before.Version, $"version {after.Version} after {before.Version}");
    }

    /// <summary>desk-2 looks a pledge id up and finds nothing; desk-1 takes the id before desk-2's insert.</summary>
    private async Task<TotalSnapshot> LoseRaceAtDesk2Async(string eventId)
    {
        var taken = Pledges.Stage("desk-1", 1_000_000_00);
        cluster.Ledger.BeforeAppendOf(taken.PledgeId, async () =>
        {
            var first = await Task.Run(() => cluster.Desk(eventId, "desk-1").RecordAsync(taken));
            Assert.Equal(PledgeOutcomeKind.Recorded, first.Kind);
        });

        var lost = await cluster.Desk(eventId, "desk-2").RecordAsync(taken with { DeskId = "desk-2" });

        Assert.Equal(PledgeOutcomeKind.Conflict, lost.Kind);
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((taken.AmountFen, 1L), (quiet.Snapshot.TotalFen, quiet.Snapshot.PledgeCount));
        return quiet.Snapshot;
    }
}
