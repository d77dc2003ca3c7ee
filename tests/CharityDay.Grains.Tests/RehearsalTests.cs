using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Tests;

/// <summary>
/// A rehearsal takes pledges exactly as the night does, but into a run of the ledger that no real total
/// counts; its reset zeroes every figure and returns the event to draft, and nothing of it can reach the
/// real night: not its total, not its feed, not a pledge of it sent again.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class RehearsalTests(CharityCluster cluster)
{
    private const int Shards = 2;

    [Fact]
    public async Task A_rehearsal_shows_on_the_screens_counts_nowhere_real_and_its_reset_starts_the_night_from_zero()
    {
        var eventId = await RehearsingEventAsync();
        var stage = Pledges.Stage("desk-1", 150_000_000_00);
        var online = Pledges.Online(Shards, 200_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(stage)).Kind);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, online.DeskId).RecordAsync(online)).Kind);

        var rehearsed = await cluster.SnapshotWhenAsync(eventId, s => s.TotalFen == stage.AmountFen + online.AmountFen);
        Assert.Equal((stage.AmountFen + online.AmountFen, 2L, true), (rehearsed.TotalFen, rehearsed.PledgeCount, rehearsed.Rehearsal));
        Assert.Equal([100_000_000_00L], rehearsed.MilestonesReached.ToArray());
        await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Rehearsal && p.TotalFen == rehearsed.TotalFen, CharityCluster.Deadline);
        Assert.Equal(new LedgerSums(0, 0, 0), await cluster.Ledger.SumAsync(eventId));
        Assert.Empty(await cluster.Ledger.PageAsync(eventId, 0, 10));

        var reset = await cluster.Event(eventId).ResetRehearsalAsync();
        Assert.Equal((EventChangeKind.Done, EventStatus.Draft), (reset.Kind, reset.Event!.Status));
        var cleared = await cluster.Total(eventId).GetSnapshotAsync();
        Assert.Equal((0L, 0L, false), (cleared.TotalFen, cleared.PledgeCount, cleared.Rehearsal));
        Assert.Empty(cleared.Recent);
        Assert.Empty(cleared.MilestonesReached);
        Assert.True(cleared.Version > rehearsed.Version, "the reset must move the version on, or screens would keep the rehearsal's figures");
        var pushed = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Version >= cleared.Version, CharityCluster.Deadline);
        Assert.Equal((0L, true, false), (pushed.TotalFen, pushed.FeedReset, pushed.Rehearsal));
        Assert.Empty(pushed.NewPledges);

        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetStatusAsync(EventStatus.Live)).Kind);
        var live = Pledges.Stage("desk-1", 500_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(live)).Kind);
        var (night, sums) = await cluster.QuietTotalAsync(eventId);
        Assert.Equal(new LedgerSums(live.AmountFen, 1, 1), sums);
        Assert.Equal((live.AmountFen, 1L, false), (night.TotalFen, night.PledgeCount, night.Rehearsal));
        Assert.Equal([live.PledgeId], night.Recent.Select(r => r.PledgeId));
        Assert.Equal([live.PledgeId], (await cluster.Ledger.PageAsync(eventId, 0, 10)).Select(e => e.PledgeId));
    }

    [Fact]
    public async Task A_rehearsal_pledge_sent_again_after_the_reset_is_refused_and_never_counts()
    {
        var eventId = await RehearsingEventAsync();
        var desk = cluster.Desk(eventId, "desk-1");
        var typedInRehearsal = Pledges.Stage("desk-1", 10_000_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(typedInRehearsal)).Kind);
        Assert.Equal(PledgeOutcomeKind.Replayed, (await desk.RecordAsync(typedInRehearsal)).Kind);
        await cluster.Event(eventId).ResetRehearsalAsync();
        await cluster.Event(eventId).SetStatusAsync(EventStatus.Live);

        // From the desk's memory, and (the desk moved or restarted) from the ledger.
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.RehearsalOver), await desk.RecordAsync(typedInRehearsal));
        await cluster.Cluster.DeactivateAsync(desk);
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.RehearsalOver), await desk.RecordAsync(typedInRehearsal));
        Assert.Equal(VoidOutcomeKind.PledgeNotFound, (await desk.VoidAsync(typedInRehearsal.PledgeId, "彩排", "admin")).Kind);

        var counted = Pledges.Stage("desk-1", 1_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(counted)).Kind);
        var (snapshot, sums) = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((counted.AmountFen, 1L), (sums.TotalFen, sums.PledgeCount));
        Assert.Equal((counted.AmountFen, 1L), (snapshot.TotalFen, snapshot.PledgeCount));
    }

    [Fact]
    public async Task A_rebuilt_total_counts_the_run_the_event_is_in()
    {
        var eventId = await RehearsingEventAsync();
        var pledge = Pledges.Stage("desk-1", 3_000_00);
        await cluster.Desk(eventId, "desk-1").RecordAsync(pledge);
        await cluster.SnapshotWhenAsync(eventId, s => s.TotalFen == pledge.AmountFen);

        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));
        var rebuilt = await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Length == 1);
        Assert.Equal((pledge.AmountFen, true, pledge.PledgeId), (rebuilt.TotalFen, rebuilt.Rehearsal, rebuilt.Recent.Single().PledgeId));

        await cluster.Event(eventId).ResetRehearsalAsync();
        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));
        var afterReset = await cluster.Total(eventId).GetSnapshotAsync();
        Assert.Equal((0L, 0L, false), (afterReset.TotalFen, afterReset.PledgeCount, afterReset.Rehearsal));
        Assert.Empty(afterReset.Recent);
        Assert.True(afterReset.Version >= rebuilt.Version, "a rebuilt total must not go back in version");
    }

    [Fact]
    public async Task A_second_rehearsal_starts_from_zero_and_refuses_the_first_ones_pledges()
    {
        var eventId = await RehearsingEventAsync();
        var desk = cluster.Desk(eventId, "desk-1");
        var first = Pledges.Stage("desk-1", 7_000_00);
        await desk.RecordAsync(first);
        await cluster.Event(eventId).ResetRehearsalAsync();
        var again = await cluster.Event(eventId).RehearseAsync();
        Assert.Equal((EventChangeKind.Done, EventStatus.Rehearsal), (again.Kind, again.Event!.Status));

        Assert.Equal(PledgeOutcomeKind.RehearsalOver, (await desk.RecordAsync(first)).Kind);
        var second = Pledges.Stage("desk-1", 2_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(second)).Kind);
        var snapshot = await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount == 1);
        Assert.Equal((second.AmountFen, true), (snapshot.TotalFen, snapshot.Rehearsal));
        Assert.Equal([second.PledgeId], snapshot.Recent.Select(r => r.PledgeId));
    }

    [Fact]
    public async Task Only_a_draft_rehearses_and_a_rehearsal_ends_only_by_its_reset()
    {
        var liveId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var refused = await cluster.Event(liveId).RehearseAsync();
        Assert.Equal((EventChangeKind.StatusRefused, EventStatus.Live), (refused.Kind, refused.Event!.Status));
        Assert.Equal(EventChangeKind.StatusRefused, (await cluster.Event(liveId).ResetRehearsalAsync()).Kind);
        await cluster.Event(liveId).SetStatusAsync(EventStatus.Closed);
        Assert.Equal(EventChangeKind.StatusRefused, (await cluster.Event(liveId).RehearseAsync()).Kind);

        var draftId = await cluster.CreateDraftEventAsync(0, "desk-1");
        Assert.Equal(EventChangeKind.StatusRefused, (await cluster.Event(draftId).ResetRehearsalAsync()).Kind);
        Assert.Equal(EventChangeKind.StatusRefused, (await cluster.Event(draftId).SetStatusAsync(EventStatus.Rehearsal)).Kind);
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(draftId).RehearseAsync()).Kind);
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(draftId).RehearseAsync()).Kind); // a repeat
        foreach (var status in new[] { EventStatus.Live, EventStatus.Closed })
        {
            var change = await cluster.Event(draftId).SetStatusAsync(status);
            Assert.Equal((EventChangeKind.StatusRefused, EventStatus.Rehearsal), (change.Kind, change.Event!.Status));
        }

        Assert.Equal(EventChangeKind.StatusRefused, (await cluster.Event(draftId).ReopenAsync()).Kind);
        Assert.Equal(EventStatus.Draft, (await cluster.Event(draftId).ResetRehearsalAsync()).Event!.Status);
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(draftId).ResetRehearsalAsync()).Kind); // a repeat
        Assert.Equal(PledgeOutcomeKind.EventNotLive, (await cluster.Desk(draftId, "desk-1").RecordAsync(Pledges.Stage("desk-1", 1_00))).Kind);
    }

    private async Task<string> RehearsingEventAsync()
    {
        var eventId = await cluster.CreateDraftEventAsync(Shards, "desk-1");
        var change = await cluster.Event(eventId).RehearseAsync();
        Assert.Equal((EventChangeKind.Done, EventStatus.Rehearsal), (change.Kind, change.Event!.Status));
        return eventId;
    }
}
