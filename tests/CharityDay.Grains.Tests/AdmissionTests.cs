using CharityDay.Contracts;
using CharityDay.Grains.Events;
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

    [Fact]
    public async Task A_desk_that_refused_a_draft_event_takes_pledges_as_soon_as_the_event_opens()
    {
        var eventId = await cluster.CreateDraftEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.EventNotLive), await desk.RecordAsync(Pledges.Stage("desk-1", 1_000_000_00)));

        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetStatusAsync(EventStatus.Live)).Kind);

        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(Pledges.Stage("desk-1", 2_000_000_00))).Kind);
    }

    [Fact]
    public async Task A_desk_added_while_its_grain_is_running_takes_pledges_at_once()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-9");
        Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.DeskNotFound), await desk.RecordAsync(Pledges.Stage("desk-9", 1_000_000_00)));

        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).AddDeskAsync("desk-9", "录入台 9", AccessCodes.Hash(AccessCodes.New()))).Kind);

        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(Pledges.Stage("desk-9", 2_000_000_00))).Kind);
    }

    [Fact]
    public async Task Once_a_close_is_answered_no_desk_or_shard_admits_another_pledge()
    {
        const int shards = 4;
        var eventId = await cluster.CreateLiveEventAsync(shards, "desk-1", "desk-2");
        using var stop = new CancellationTokenSource();
        var closedAt = long.MaxValue;
        var refusedAfterClose = 0;
        var senders = new[] { "desk-1", "desk-2" }
            .Select(deskId => SendUntilStoppedAsync(() => Pledges.Stage(deskId, 1_000_000_00), eventId, startedAt => { if (startedAt > Interlocked.Read(ref closedAt)) { Interlocked.Increment(ref refusedAfterClose); } }, stop.Token))
            .Append(SendUntilStoppedAsync(() => Pledges.Online(shards, 100_00), eventId, startedAt => { if (startedAt > Interlocked.Read(ref closedAt)) { Interlocked.Increment(ref refusedAfterClose); } }, stop.Token))
            .ToList();
        await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount >= 50);

        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetStatusAsync(EventStatus.Closed)).Kind);
        Interlocked.Exchange(ref closedAt, System.Diagnostics.Stopwatch.GetTimestamp());
        // Let every sender go on for a while after the close was answered.
        var deadline = DateTime.UtcNow + CharityCluster.Deadline;
        while (Volatile.Read(ref refusedAfterClose) < 60 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        var sent = (await Task.WhenAll(senders)).SelectMany(s => s).ToList();

        var afterClose = sent.Where(s => s.StartedAt > Interlocked.Read(ref closedAt)).ToList();
        Assert.NotEmpty(afterClose);
        Assert.All(afterClose, s => Assert.Equal(PledgeOutcomeKind.EventNotLive, s.Outcome.Kind));
        var recorded = sent.Where(s => s.Outcome.Kind == PledgeOutcomeKind.Recorded).ToList();
        var ledger = await cluster.Ledger.SumAsync(eventId);
        Assert.Equal((recorded.Sum(s => s.Draft.AmountFen), (long)recorded.Count), (ledger.TotalFen, ledger.PledgeCount));
    }

    private async Task<List<(long StartedAt, PledgeDraft Draft, PledgeOutcome Outcome)>> SendUntilStoppedAsync(
        Func<PledgeDraft> next, string eventId, Action<long> onRefused, CancellationToken stop)
    {
        var sent = new List<(long, PledgeDraft, PledgeOutcome)>();
        while (!stop.IsCancellationRequested)
        {
            var draft = next();
            var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await cluster.Desk(eventId, draft.DeskId).RecordAsync(draft);
            sent.Add((startedAt, draft, outcome));
            if (outcome.Kind == PledgeOutcomeKind.EventNotLive)
            {
                onRefused(startedAt);
            }
        }

        return sent;
    }
}
