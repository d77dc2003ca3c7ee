using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Totals;

namespace CharityDay.Grains.Tests;

/// <summary>
/// A desk acknowledges after its commit and reports to the total after that: a node that dies between
/// the two leaves a pledge in the ledger, acknowledged, that the live total never heard of, and a desk
/// that gets no more pledges sends no newer report. The total grain checks the ledger itself.
/// </summary>
public sealed class LostReportTests(FakeClockCluster cluster) : IClassFixture<FakeClockCluster>
{
    [Fact]
    public async Task A_commit_whose_report_never_came_reaches_the_total_from_the_ledger_within_two_checks()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        var reported = Pledges.Stage("desk-1", 500_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(reported)).Kind);
        var before = await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount == 1);

        // desk-2 committed on a node that died before its report left: the ledger has it, the total does not.
        var lost = Pledges.Stage("desk-2", 1_000_000_00);
        await cluster.Ledger.AppendAsync([LedgerEntry.ForPledge(eventId, new RecordedPledge(lost, 1, cluster.Clock.GetUtcNow(), PledgeStatus.Confirmed), EventDefinition.LiveRun)]);
        Advance(LedgerCheck.Period);
        await Task.Delay(300); // the first check runs (a query of the test's SQLite file)
        Assert.Equal(before.TotalFen, (await cluster.Total(eventId).GetSnapshotAsync()).TotalFen);

        Advance(LedgerCheck.Period);

        var after = await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount == 2);
        Assert.Equal(1_500_000_00, after.TotalFen);
        Assert.True(after.Version > before.Version, "the total moved without a new version: screens would not show it");
        Assert.Equal((await cluster.Ledger.SumAsync(eventId)).TotalFen, after.TotalFen);
    }

    private void Advance(TimeSpan by) => cluster.FakeClock.Advance(by);
}
