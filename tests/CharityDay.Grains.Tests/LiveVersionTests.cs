using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>Invariant 5: every push carries a version, and versions only go up, so a screen never steps back.</summary>
[Collection(SharedCluster.Name)]
public sealed class LiveVersionTests(CharityCluster cluster)
{
    private const int OneByOne = 12;
    private const int Burst = 200;

    [Fact]
    public async Task Every_snapshot_and_every_push_carries_a_higher_version_than_the_one_before()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        var version = (await cluster.Total(eventId).GetSnapshotAsync()).Version;

        var first = Pledges.Stage("desk-1", 100_000_00);
        for (var n = 0; n < OneByOne; n++)
        {
            var deskId = n % 2 == 0 ? "desk-1" : "desk-2";
            var pledge = n == 0 ? first : Pledges.Stage(deskId, 100_000_00);
            Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, deskId).RecordAsync(pledge)).Kind);
            version = await NextVersionAsync(eventId, version, expectedCount: n + 1);
        }

        // A void takes money off the screen, but its version still moves on.
        Assert.Equal(VoidOutcomeKind.Voided, (await cluster.Desk(eventId, "desk-1").VoidAsync(first.PledgeId, "录入错误", "admin")).Kind);
        await NextVersionAsync(eventId, version, expectedCount: OneByOne - 1);

        await Task.WhenAll(Enumerable.Range(0, Burst).Select(n =>
        {
            var deskId = n % 2 == 0 ? "desk-1" : "desk-2";
            return cluster.Desk(eventId, deskId).RecordAsync(Pledges.Stage(deskId, 10_000_00 + n));
        }));
        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal(OneByOne - 1 + Burst, quiet.Snapshot.PledgeCount);
        var last = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Version == quiet.Snapshot.Version, CharityCluster.Deadline);

        var pushes = cluster.Broadcaster.PushesOf(eventId);
        Assert.True(pushes.Count > OneByOne, $"only {pushes.Count} pushes");
        Assert.All(pushes.Zip(pushes.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Version > pair.First.Version, $"push {pair.Second.Version} after {pair.First.Version}");
            Assert.Equal(pair.First.Version, pair.Second.PreviousVersion);
        });
        Assert.Same(last, pushes[^1]);
        Assert.Equal((quiet.Ledger.TotalFen, quiet.Ledger.PledgeCount), (last.TotalFen, last.PledgeCount));

        // Coalesced: a burst of pledges reaches the screens as a few pushes, not one per pledge.
        Assert.True(pushes.Count < OneByOne + (Burst / 2), $"{pushes.Count} pushes for {OneByOne + Burst} pledges");
    }

    /// <summary>Waits for the snapshot to show the change, checks its version moved up, and waits for the push that carries it.</summary>
    private async Task<long> NextVersionAsync(string eventId, long previous, int expectedCount)
    {
        var snapshot = await cluster.SnapshotWhenAsync(eventId, s => s.PledgeCount == expectedCount);
        Assert.Equal(expectedCount, snapshot.PledgeCount);
        Assert.True(snapshot.Version > previous, $"count {expectedCount}: version {snapshot.Version} after {previous}");
        await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Version >= snapshot.Version, CharityCluster.Deadline);
        return snapshot.Version;
    }
}
