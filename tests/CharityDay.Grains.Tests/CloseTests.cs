using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Close means closed: once the admin's close is answered, no pledge is acknowledged any more, not
/// even one whose batch was being written when the close arrived; and a closed event opens again only
/// through its own reopen command.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CloseTests(CharityCluster cluster)
{
    /// <summary>How long the close gets to (wrongly) finish while the batch is held in the insert.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_close_is_answered_only_after_the_batch_being_written_is_written()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var held = Pledges.Stage("desk-1", 5_000_000_00);
        var inInsert = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Ledger.BeforeAppendOf(held.PledgeId, async () =>
        {
            inInsert.SetResult();
            await release.Task;
        });

        var recording = cluster.Desk(eventId, "desk-1").RecordAsync(held);
        await inInsert.Task.WaitAsync(CharityCluster.Deadline);
        var closing = cluster.Event(eventId).SetStatusAsync(EventStatus.Closed);
        await Task.WhenAny(closing, Task.Delay(Grace));
        var answeredWhileHeld = closing.IsCompleted;
        release.SetResult();

        Assert.False(answeredWhileHeld, "the close was answered while a pledge admitted before it was still being written");
        Assert.Equal(PledgeOutcomeKind.Recorded, (await recording).Kind);
        Assert.Equal(EventChangeKind.Done, (await closing).Kind);
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotLive), await cluster.Desk(eventId, "desk-1").RecordAsync(Pledges.Stage("desk-1", 1_00)));
        Assert.Equal(new LedgerSums(held.AmountFen, 1, EntryCount: 1), await cluster.Ledger.SumAsync(eventId));
    }

    [Fact]
    public async Task Open_does_not_undo_a_close_and_reopen_does()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetStatusAsync(EventStatus.Closed)).Kind);

        var open = await cluster.Event(eventId).SetStatusAsync(EventStatus.Live);
        Assert.Equal((EventChangeKind.StatusRefused, EventStatus.Closed), (open.Kind, open.Event!.Status));
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotLive), await desk.RecordAsync(Pledges.Stage("desk-1", 1_00)));

        var reopen = await cluster.Event(eventId).ReopenAsync();
        Assert.Equal((EventChangeKind.Done, EventStatus.Live), (reopen.Kind, reopen.Event!.Status));
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(Pledges.Stage("desk-1", 2_00))).Kind);
        Assert.Equal(EventChangeKind.StatusRefused, (await cluster.Event(eventId).ReopenAsync()).Kind);
    }
}
