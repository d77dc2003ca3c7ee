using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>Invariant 2, the other half: a pledge id is taken for good; other content under it is refused (409).</summary>
[Collection(SharedCluster.Name)]
public sealed class ConflictTests(CharityCluster cluster)
{
    [Fact]
    public async Task Other_content_under_a_recorded_pledge_id_is_refused_and_changes_nothing()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        var original = Pledges.Stage("desk-1", 5_000_000_00, "郑州宇通");
        var first = await desk.RecordAsync(original);
        Assert.Equal(PledgeOutcomeKind.Recorded, first.Kind);
        var before = await cluster.QuietTotalAsync(eventId);

        PledgeDraft[] impostors =
        [
            original with { AmountFen = 50_000_000_00 },
            original with { DonorName = "另一家公司" },
            original with { Anonymous = true },
            original with { DonorKind = DonorKind.Individual },
            original with { Representative = "李总" },
            original with { Note = "追加" },
        ];
        foreach (var impostor in impostors)
        {
            Assert.Equal(PledgeOutcome.Rejected(PledgeOutcomeKind.Conflict), await desk.RecordAsync(impostor));
        }

        // Who sends a retry is not part of the pledge: another operator's retry is still a retry.
        var retry = await desk.RecordAsync(original with { RecordedBy = "operator-2@desk-1" });
        Assert.Equal(PledgeOutcomeKind.Replayed, retry.Kind);
        Assert.Equal(first.Pledge!.Sequence, retry.Pledge!.Sequence);

        Assert.Equal(before.Ledger, await cluster.Ledger.SumAsync(eventId));
        var stored = (await cluster.Ledger.FindAsync(eventId, [original.PledgeId]))[original.PledgeId];
        Assert.Equal(original.AmountFen, stored.Pledge.AmountFen);
        Assert.Equal(original.DonorName, stored.Pledge.DonorName);
        var after = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((original.AmountFen, 1L), (after.Snapshot.TotalFen, after.Snapshot.PledgeCount));
    }

    [Fact]
    public async Task Two_pledges_racing_for_one_id_leave_exactly_one_in_the_ledger()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var desk = cluster.Desk(eventId, "desk-1");
        var one = Pledges.Stage("desk-1", 1_000_000_00);
        var other = one with { AmountFen = 2_000_000_00 };

        var outcomes = await Task.WhenAll(desk.RecordAsync(one), desk.RecordAsync(other));

        Assert.Equal([PledgeOutcomeKind.Recorded, PledgeOutcomeKind.Conflict], outcomes.Select(o => o.Kind).Order());
        var winner = outcomes.Single(o => o.Kind == PledgeOutcomeKind.Recorded).Pledge!.Draft;
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((winner.AmountFen, 1L, 1L), (quiet.Ledger.TotalFen, quiet.Ledger.PledgeCount, quiet.Ledger.EntryCount));
        Assert.Equal((winner.AmountFen, 1L), (quiet.Snapshot.TotalFen, quiet.Snapshot.PledgeCount));
    }

    [Fact]
    public async Task A_pledge_id_taken_at_one_desk_is_refused_at_another()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        var pledge = Pledges.Stage("desk-1", 1_000_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(pledge)).Kind);

        var elsewhere = await cluster.Desk(eventId, "desk-2").RecordAsync(pledge with { DeskId = "desk-2" });

        Assert.Equal(PledgeOutcomeKind.Conflict, elsewhere.Kind);
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((pledge.AmountFen, 1L, 1L), (quiet.Ledger.TotalFen, quiet.Ledger.PledgeCount, quiet.Ledger.EntryCount));
        Assert.Equal((pledge.AmountFen, 1L), (quiet.Snapshot.TotalFen, quiet.Snapshot.PledgeCount));
    }
}
