using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Tests;

/// <summary>Invariant 6: a correction is a new ledger entry that takes the pledge out of the total, never an edit.</summary>
[Collection(SharedCluster.Name)]
public sealed class VoidTests(CharityCluster cluster)
{
    [Fact]
    public async Task A_void_takes_the_pledge_out_of_the_total_and_the_ledger_keeps_both_rows()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        var mistyped = Pledges.Stage("desk-1", 50_000_000_00, "建业集团");
        var kept = Pledges.Stage("desk-1", 1_000_000_00, "思念食品");
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(mistyped)).Kind);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await desk.RecordAsync(kept)).Kind);
        var before = await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount == 2);
        Assert.Equal(mistyped.AmountFen + kept.AmountFen, before.TotalFen);

        var voided = await desk.VoidAsync(mistyped.PledgeId, "金额多输一个零", "admin");

        Assert.Equal(VoidOutcomeKind.Voided, voided.Kind);
        Assert.Equal(PledgeStatus.Voided, voided.Pledge!.Status);
        Assert.Equal(("金额多输一个零", "admin"), (voided.Reason, voided.VoidedBy));
        var after = await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount == 1);
        Assert.Equal((kept.AmountFen, 1L), (after.TotalFen, after.PledgeCount));
        Assert.DoesNotContain(after.Recent, item => item.PledgeId == mistyped.PledgeId);
        Assert.Contains(after.Recent, item => item.PledgeId == kept.PledgeId);

        Assert.Equal(new LedgerSums(kept.AmountFen, 1, EntryCount: 3), await cluster.Ledger.SumAsync(eventId));
        var rows = await cluster.Ledger.PageAsync(eventId, afterEntryNo: 0, limit: 10);
        Assert.Equal(
            [(LedgerEntryKind.Pledge, mistyped.PledgeId, mistyped.AmountFen), (LedgerEntryKind.Pledge, kept.PledgeId, kept.AmountFen), (LedgerEntryKind.Void, mistyped.PledgeId, -mistyped.AmountFen)],
            rows.Select(r => (r.Kind, r.PledgeId, r.AmountFen)));
        Assert.Equal(("金额多输一个零", "admin"), (rows[2].Note, rows[2].Actor));

        // A late retry of the voided pledge must not bring it back.
        var retry = await desk.RecordAsync(mistyped);
        Assert.Equal((PledgeOutcomeKind.Replayed, PledgeStatus.Voided), (retry.Kind, retry.Pledge!.Status));
        Assert.Equal(new LedgerSums(kept.AmountFen, 1, EntryCount: 3), await cluster.Ledger.SumAsync(eventId));
    }

    [Fact]
    public async Task Voiding_twice_returns_the_first_void()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        var pledge = Pledges.Stage("desk-1", 2_000_000_00);
        await desk.RecordAsync(pledge);
        var first = await desk.VoidAsync(pledge.PledgeId, "重复录入", "operator@desk-1");

        var second = await desk.VoidAsync(pledge.PledgeId, "另一个理由", "admin");

        Assert.Equal(VoidOutcomeKind.AlreadyVoided, second.Kind);
        Assert.Equal((first.Reason, first.VoidedBy, first.VoidedAt), (second.Reason, second.VoidedBy, second.VoidedAt));
        Assert.Equal(("重复录入", "operator@desk-1"), (second.Reason, second.VoidedBy));
        Assert.Equal(new LedgerSums(0, 0, EntryCount: 2), await cluster.Ledger.SumAsync(eventId));
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((0L, 0L), (quiet.Snapshot.TotalFen, quiet.Snapshot.PledgeCount));
    }

    [Fact]
    public async Task Two_voids_racing_for_one_pledge_write_one_entry()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        var pledge = Pledges.Stage("desk-1", 2_000_000_00);
        await desk.RecordAsync(pledge);

        var outcomes = await Task.WhenAll(desk.VoidAsync(pledge.PledgeId, "第一次", "a"), desk.VoidAsync(pledge.PledgeId, "第二次", "b"));

        Assert.Equal([VoidOutcomeKind.Voided, VoidOutcomeKind.AlreadyVoided], outcomes.Select(o => o.Kind).Order());
        var winner = outcomes.Single(o => o.Kind == VoidOutcomeKind.Voided);
        Assert.Equal(winner.Reason, outcomes.Single(o => o.Kind == VoidOutcomeKind.AlreadyVoided).Reason);
        Assert.Equal(new LedgerSums(0, 0, EntryCount: 2), await cluster.Ledger.SumAsync(eventId));
    }

    [Fact]
    public async Task Voiding_a_pledge_the_desk_does_not_hold_is_refused_and_changes_nothing()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        var pledge = Pledges.Stage("desk-1", 1_000_000_00);
        await cluster.Desk(eventId, "desk-1").RecordAsync(pledge);

        var unknown = await cluster.Desk(eventId, "desk-1").VoidAsync(Pledges.NewId(), "录错了", "admin");
        var wrongDesk = await cluster.Desk(eventId, "desk-2").VoidAsync(pledge.PledgeId, "录错了", "admin");

        Assert.Equal(VoidOutcomeKind.PledgeNotFound, unknown.Kind);
        Assert.Equal(VoidOutcomeKind.PledgeNotFound, wrongDesk.Kind);
        Assert.Equal(new LedgerSums(pledge.AmountFen, 1, EntryCount: 1), await cluster.Ledger.SumAsync(eventId));
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((pledge.AmountFen, 1L), (quiet.Snapshot.TotalFen, quiet.Snapshot.PledgeCount));
    }
}
