using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Invariant 3 across restarts: desks rebuild from the ledger and the total rebuilds from the desks, to
/// the same total, the same count and a version no lower than the screens have already seen.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class RebuildTests(CharityCluster cluster)
{
    private const int OnlineShards = 2;
    private static readonly string[] StageDesks = ["desk-1", "desk-2"];

    [Fact]
    public async Task The_total_rebuilt_after_every_grain_is_gone_equals_the_ledger()
    {
        var eventId = await cluster.CreateLiveEventAsync(OnlineShards, StageDesks);
        var pledges = await RecordSomeAsync(eventId, count: 30);
        foreach (var pledge in pledges.Take(3))
        {
            Assert.Equal(VoidOutcomeKind.Voided, (await cluster.Desk(eventId, pledge.DeskId).VoidAsync(pledge.PledgeId, "录入错误", "admin")).Kind);
        }

        var before = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((before.Ledger.TotalFen, before.Ledger.PledgeCount), (before.Snapshot.TotalFen, before.Snapshot.PledgeCount));
        var oldTotal = ActivationOf(cluster.Total(eventId));

        foreach (var deskId in StageDesks.Concat(Enumerable.Range(0, OnlineShards).Select(OnlineShard.DeskId)))
        {
            await cluster.Cluster.DeactivateAsync(cluster.Desk(eventId, deskId));
        }

        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));

        var after = await cluster.Total(eventId).GetSnapshotAsync();
        Assert.NotSame(oldTotal, ActivationOf(cluster.Total(eventId)));
        Assert.Equal((before.Ledger.TotalFen, before.Ledger.PledgeCount), (after.TotalFen, after.PledgeCount));
        Assert.Equal(before.Snapshot.ByChannel, after.ByChannel);
        Assert.True(after.Version >= before.Snapshot.Version, $"version {after.Version} after {before.Snapshot.Version}");
        Assert.Equal((await cluster.Ledger.RecentAsync(eventId, after.Recent.Length, EventDefinition.LiveRun)).Select(r => r.PledgeId), after.Recent.Select(r => r.PledgeId));
        Assert.Equal(Math.Min(20, pledges.Count - 3), after.Recent.Length);
        Assert.DoesNotContain(after.Recent, item => pledges.Take(3).Any(p => p.PledgeId == item.PledgeId));

        // The rebuilt desks carry on where they stopped.
        var next = Pledges.Stage("desk-1", 3_000_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(next)).Kind);
        var carriedOn = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((before.Ledger.TotalFen + next.AmountFen, before.Ledger.PledgeCount + 1), (carriedOn.Snapshot.TotalFen, carriedOn.Snapshot.PledgeCount));
        Assert.True(carriedOn.Snapshot.Version > after.Version, $"version {carriedOn.Snapshot.Version} after {after.Version}");
    }

    [Fact]
    public async Task A_desk_rebuilt_from_the_ledger_is_counted_by_a_total_that_stayed_up()
    {
        var eventId = await cluster.CreateLiveEventAsync(OnlineShards, StageDesks);
        var pledges = await RecordSomeAsync(eventId, count: 10);
        Assert.Equal(VoidOutcomeKind.Voided, (await cluster.Desk(eventId, pledges[0].DeskId).VoidAsync(pledges[0].PledgeId, "录入错误", "admin")).Kind);
        var before = await cluster.QuietTotalAsync(eventId);

        await cluster.Cluster.DeactivateAsync(cluster.Desk(eventId, "desk-1"));
        var next = Pledges.Stage("desk-1", 3_000_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(next)).Kind);

        var after = await cluster.QuietTotalAsync(eventId);
        Assert.Equal((before.Ledger.TotalFen + next.AmountFen, before.Ledger.PledgeCount + 1), (after.Ledger.TotalFen, after.Ledger.PledgeCount));
        Assert.Equal((after.Ledger.TotalFen, after.Ledger.PledgeCount), (after.Snapshot.TotalFen, after.Snapshot.PledgeCount));
        Assert.True(after.Snapshot.Version > before.Snapshot.Version, $"version {after.Snapshot.Version} after {before.Snapshot.Version}");
    }

    private async Task<List<PledgeDraft>> RecordSomeAsync(string eventId, int count)
    {
        var pledges = Enumerable.Range(0, count)
            .Select(n => n % 3 == 2
                ? Pledges.Online(OnlineShards, 20_000_00 + n)
                : Pledges.Stage(StageDesks[n % 2], 1_000_000_00 + n, donorName: $"捐赠方 {n}"))
            .ToList();
        foreach (var outcome in await Task.WhenAll(pledges.Select(p => cluster.Desk(eventId, p.DeskId).RecordAsync(p))))
        {
            Assert.Equal(PledgeOutcomeKind.Recorded, outcome.Kind);
        }

        return pledges;
    }

    private IGrainContext? ActivationOf(IAddressable grain) =>
        cluster.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context : null;
}
