using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Milestones follow the total. Found on a walk-through: 1.73亿 → a mistaken 10亿 entry → voided →
/// later 2.02亿, and the 2亿 goal was never celebrated, because the mistake had used it up.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class MilestoneTests(CharityCluster cluster)
{
    private const long Yi = 100_000_000_00; // 1亿元 in fen

    [Fact]
    public async Task A_void_below_a_milestone_re_arms_it_and_crossing_it_again_reaches_it_again()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).UpdateAsync(new EventSetup("郑州慈善日", 2 * Yi, [], [2 * Yi]))).Kind);
        var desk = cluster.Desk(eventId, "desk-1");
        await RecordAsync(desk, Pledges.Stage("desk-1", 173 * Yi / 100));
        var mistake = Pledges.Stage("desk-1", 10 * Yi, donorName: "多打了一个零");
        await RecordAsync(desk, mistake);
        Assert.Equal(new[] { 2 * Yi }, (await SnapshotAtAsync(eventId, 1173 * Yi / 100)).MilestonesReached);

        Assert.Equal(VoidOutcomeKind.Voided, (await desk.VoidAsync(mistake.PledgeId, "多打了一个零", "admin")).Kind);
        Assert.Empty((await SnapshotAtAsync(eventId, 173 * Yi / 100)).MilestonesReached);

        await RecordAsync(desk, Pledges.Stage("desk-1", 29 * Yi / 100));
        Assert.Equal(new[] { 2 * Yi }, (await SnapshotAtAsync(eventId, 202 * Yi / 100)).MilestonesReached);

        // The screens saw it reached, then re-armed, then reached again: a screen celebrates each crossing.
        var reachedOnScreen = cluster.Broadcaster.PushesOf(eventId).Select(p => p.MilestonesReached.Contains(2 * Yi)).ToList();
        var crossings = reachedOnScreen.Zip(reachedOnScreen.Skip(1)).Count(pair => !pair.First && pair.Second) + (reachedOnScreen.FirstOrDefault() ? 1 : 0);
        Assert.Equal(2, crossings);
    }

    private static async Task RecordAsync(IPledgeDeskGrain desk, PledgeDraft pledge) =>
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(pledge)).Kind);

    /// <summary>The snapshot once the total shows <paramref name="totalFen"/>, after the screens were pushed that total.</summary>
    private async Task<TotalSnapshot> SnapshotAtAsync(string eventId, long totalFen)
    {
        var snapshot = await cluster.SnapshotWhenAsync(eventId, s => s.TotalFen == totalFen);
        Assert.Equal(totalFen, snapshot.TotalFen);
        await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Version >= snapshot.Version, CharityCluster.Deadline);
        return snapshot;
    }
}
