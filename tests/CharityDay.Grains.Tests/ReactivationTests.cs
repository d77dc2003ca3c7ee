using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// The total grain is collected after 15 quiet minutes, or moves when a node goes: the report that
/// wakes it must still reach every screen with its name, its void or its milestone, and the first push
/// of the new activation must make a screen that saw less fetch a snapshot instead of carrying on.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class ReactivationTests(CharityCluster cluster)
{
    [Fact]
    public async Task The_pledge_that_wakes_the_total_is_named_on_screen_and_screens_that_saw_less_see_a_gap()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var before = await RecordAndWaitForPushAsync(eventId, Pledges.Stage("desk-1", 1_000_000_00, donorName: "第一集团"));
        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));

        var waking = Pledges.Stage("desk-1", 2_000_000_00, donorName: "唤醒集团");
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(waking)).Kind);

        var named = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.NewPledges.Any(i => i.PledgeId == waking.PledgeId), CharityCluster.Deadline);
        Assert.Equal("唤醒集团", named.NewPledges.Single(i => i.PledgeId == waking.PledgeId).DisplayName);
        var firstAfter = cluster.Broadcaster.PushesOf(eventId).First(p => p.Version > before.Version);
        Assert.True(firstAfter.PreviousVersion > before.Version,
            $"the first push after the rebuild follows {firstAfter.PreviousVersion}; a screen at {before.Version} would take it as continuous");
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((3_000_000_00L, 2L), (quiet.Snapshot.TotalFen, quiet.Snapshot.PledgeCount));
        Assert.Equal(waking.PledgeId, quiet.Snapshot.Recent[0].PledgeId);
    }

    [Fact]
    public async Task A_total_rebuilt_while_the_ledger_is_slow_to_give_its_newest_entries_serves_the_total_at_once_and_the_names_later()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var pledge = Pledges.Stage("desk-1", 1_000_000_00, donorName: "慢查询集团");
        await RecordAndWaitForPushAsync(eventId, pledge);
        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));
        var release = new TaskCompletionSource();
        cluster.Ledger.HoldRecentOf(eventId, release.Task);

        var snapshot = await cluster.Total(eventId).GetSnapshotAsync().WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal((1_000_000_00L, 1L), (snapshot.TotalFen, snapshot.PledgeCount));
        release.SetResult();
        var named = await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Any(i => i.PledgeId == pledge.PledgeId));
        Assert.Equal("慢查询集团", named.Recent.Single(i => i.PledgeId == pledge.PledgeId).DisplayName);
    }

    [Fact]
    public async Task A_void_that_wakes_the_total_takes_the_name_off_every_screen()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var pledge = Pledges.Stage("desk-1", 1_000_000_00, donorName: "录错集团");
        await RecordAndWaitForPushAsync(eventId, pledge);
        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));

        Assert.Equal(VoidOutcomeKind.Voided, (await cluster.Desk(eventId, "desk-1").VoidAsync(pledge.PledgeId, "录入错误", "admin")).Kind);

        foreach (var audience in new[] { LiveAudience.Screens, LiveAudience.Viewers })
        {
            var push = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.VoidedPledgeIds.Contains(pledge.PledgeId), CharityCluster.Deadline, audience);
            Assert.Equal((0L, 0L), (push.TotalFen, push.PledgeCount));
        }

        Assert.Empty((await cluster.Total(eventId).GetSnapshotAsync()).Recent);
    }

    [Fact]
    public async Task A_milestone_crossed_by_the_pledge_that_wakes_the_total_is_reached()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        const long Milestone = 100_000_000_00; // the event's 1亿元 milestone
        await RecordAndWaitForPushAsync(eventId, Pledges.Stage("desk-1", 90_000_000_00));
        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));

        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(Pledges.Stage("desk-1", 20_000_000_00))).Kind);

        var push = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.TotalFen == 110_000_000_00, CharityCluster.Deadline);
        Assert.Equal(new[] { Milestone }, push.MilestonesReached);
        Assert.Equal(new[] { Milestone }, (await cluster.Total(eventId).GetSnapshotAsync()).MilestonesReached);
    }

    private async Task<TotalPush> RecordAndWaitForPushAsync(string eventId, PledgeDraft pledge)
    {
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, pledge.DeskId).RecordAsync(pledge)).Kind);
        return await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.NewPledges.Any(i => i.PledgeId == pledge.PledgeId), CharityCluster.Deadline);
    }
}
