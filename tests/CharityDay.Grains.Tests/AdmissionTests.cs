using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Tests;

/// <summary>A desk takes pledges only for a live event it belongs to, but always answers a retry of what it took.</summary>
[Collection(SharedCluster.Name)]
public sealed class AdmissionTests(CharityCluster cluster)
{
    [Fact]
    public async Task A_closed_event_takes_no_new_pledge_but_still_answers_retries()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        var before = Pledges.Stage("desk-1", 10_000_000_00);
        var recorded = await desk.RecordAsync(before);
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetStatusAsync(EventStatus.Closed)).Kind);

        var late = Pledges.Stage("desk-1", 1_000_000_00);
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotLive), await desk.RecordAsync(late));
        var retry = await desk.RecordAsync(before);
        Assert.Equal((PledgeOutcomeKind.Replayed, recorded.Pledge!.Sequence), (retry.Kind, retry.Pledge!.Sequence));

        // The same answers from a desk that has forgotten everything but the ledger.
        await cluster.Cluster.DeactivateAsync(desk);
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotLive), await desk.RecordAsync(late));
        retry = await desk.RecordAsync(before);
        Assert.Equal((PledgeOutcomeKind.Replayed, recorded.Pledge.Sequence), (retry.Kind, retry.Pledge!.Sequence));

        Assert.Empty(await cluster.Ledger.FindAsync(eventId, [late.PledgeId]));
        Assert.Equal(new LedgerSums(before.AmountFen, 1, EntryCount: 1), await cluster.Ledger.SumAsync(eventId));
    }

    [Fact]
    public async Task A_draft_event_takes_no_pledge_yet()
    {
        var eventId = await cluster.CreateDraftEventAsync(0, "desk-1");

        var outcome = await cluster.Desk(eventId, "desk-1").RecordAsync(Pledges.Stage("desk-1", 1_000_000_00));

        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotLive), outcome);
        Assert.Equal(new LedgerSums(0, 0, 0), await cluster.Ledger.SumAsync(eventId));
    }

    [Fact]
    public async Task A_pledge_for_an_unknown_event_is_refused()
    {
        var eventId = "no-such-gala-" + Guid.NewGuid().ToString("N")[..8];

        var outcome = await cluster.Desk(eventId, "desk-1").RecordAsync(Pledges.Stage("desk-1", 1_000_000_00));

        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotFound), outcome);
        Assert.Equal(new LedgerSums(0, 0, 0), await cluster.Ledger.SumAsync(eventId));
    }

    [Fact]
    public async Task A_pledge_at_a_desk_the_event_does_not_have_is_refused()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");

        var outcome = await cluster.Desk(eventId, "desk-9").RecordAsync(Pledges.Stage("desk-9", 1_000_000_00));

        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.DeskNotFound), outcome);
        Assert.Equal(new LedgerSums(0, 0, 0), await cluster.Ledger.SumAsync(eventId));
    }
}
