using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// The two audiences of the live total: big screens get up to 20 new pledges up to ten times a second,
/// phones get the 5 newest up to four times a second; both end on the ledger's total, each with its own
/// unbroken chain of versions.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class LiveAudienceTests(CharityCluster cluster)
{
    private const int Waves = 8;
    private const int PerWave = 50;

    [Fact]
    public async Task Under_many_pledges_phones_get_at_most_five_per_push_at_their_own_pace_and_screens_up_to_twenty()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1", "desk-2");
        for (var wave = 0; wave < Waves; wave++)
        {
            await Task.WhenAll(Enumerable.Range(0, PerWave).Select(n =>
            {
                var deskId = n % 2 == 0 ? "desk-1" : "desk-2";
                return cluster.Desk(eventId, deskId).RecordAsync(Pledges.Stage(deskId, 10_000_00 + (wave * PerWave) + n));
            }));

            // Paces the load so it spans many push periods of both audiences; nothing is awaited here.
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }

        var quiet = await cluster.QuietTotalAsync(eventId);
        Assert.Equal(Waves * PerWave, quiet.Snapshot.PledgeCount);
        foreach (var audience in new[] { LiveAudience.Screens, LiveAudience.Viewers })
        {
            var last = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Version == quiet.Snapshot.Version, CharityCluster.Deadline, audience);
            var pushes = cluster.Broadcaster.PushesOf(eventId, audience);
            Assert.Same(last, pushes[^1]);
            Assert.Equal((quiet.Ledger.TotalFen, quiet.Ledger.PledgeCount), (last.TotalFen, last.PledgeCount));
            Assert.All(pushes.Zip(pushes.Skip(1)), pair =>
            {
                Assert.True(pair.Second.Version > pair.First.Version, $"{audience}: push {pair.Second.Version} after {pair.First.Version}");
                Assert.Equal(pair.First.Version, pair.Second.PreviousVersion);
            });
        }

        var screens = cluster.Broadcaster.TimedPushesOf(eventId, LiveAudience.Screens);
        var phones = cluster.Broadcaster.TimedPushesOf(eventId, LiveAudience.Viewers);
        Assert.All(screens, p => Assert.InRange(p.Push.NewPledges.Length, 0, 20));
        Assert.Equal(20, screens.Max(p => p.Push.NewPledges.Length));
        Assert.All(phones, p => Assert.InRange(p.Push.NewPledges.Length, 0, 5));
        Assert.Equal(5, phones.Max(p => p.Push.NewPledges.Length));
        Assert.True(phones.Count < screens.Count, $"{phones.Count} phone pushes, {screens.Count} screen pushes"); // the pace itself: PushPacingTests

        // A phone gets the newest pledges, not the first ones: both last pushes end with the last pledges reported.
        var (screenLast, phoneLast) = (screens[^1].Push.NewPledges, phones[^1].Push.NewPledges);
        var shared = Math.Min(screenLast.Length, phoneLast.Length);
        Assert.Equal(screenLast.TakeLast(shared).Select(p => p.PledgeId), phoneLast.TakeLast(shared).Select(p => p.PledgeId));
    }

    [Fact]
    public async Task Hidden_names_and_voids_reach_phones_as_they_reach_screens()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetScreenAsync(new ScreenSettings("第一轮", ShowDonorNames: false))).Kind);
        await cluster.SnapshotWhenAsync(eventId, s => !s.Screen.ShowDonorNames);

        var pledge = Pledges.Stage("desk-1", 100_000_00, donorName: "河南豫商集团");
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(pledge)).Kind);
        foreach (var audience in new[] { LiveAudience.Screens, LiveAudience.Viewers })
        {
            var push = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.NewPledges.Any(i => i.PledgeId == pledge.PledgeId), CharityCluster.Deadline, audience);
            Assert.Equal("爱心企业", push.NewPledges.Single(i => i.PledgeId == pledge.PledgeId).DisplayName);
        }

        Assert.Equal(VoidOutcomeKind.Voided, (await cluster.Desk(eventId, "desk-1").VoidAsync(pledge.PledgeId, "录入错误", "admin")).Kind);
        foreach (var audience in new[] { LiveAudience.Screens, LiveAudience.Viewers })
        {
            var push = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.VoidedPledgeIds.Contains(pledge.PledgeId), CharityCluster.Deadline, audience);
            Assert.Equal((0, 0), (push.TotalFen, push.PledgeCount));
        }
    }

    [Fact]
    public async Task Hiding_names_replaces_the_feed_of_screens_already_running_and_showing_them_restores_it()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var pledge = Pledges.Stage("desk-1", 100_000_00, donorName: "河南豫商集团");
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(pledge)).Kind);
        await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.NewPledges.Any(i => i.PledgeId == pledge.PledgeId), CharityCluster.Deadline);

        foreach (var (show, shown) in new[] { (false, "爱心企业"), (true, "河南豫商集团") })
        {
            Assert.Equal(EventChangeKind.Done, (await cluster.Event(eventId).SetScreenAsync(new ScreenSettings("", show))).Kind);
            var changed = await cluster.SnapshotWhenAsync(eventId, s => s.Screen.ShowDonorNames == show);
            foreach (var audience in new[] { LiveAudience.Screens, LiveAudience.Viewers })
            {
                var push = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.Version >= changed.Version, CharityCluster.Deadline, audience);
                Assert.True(push.FeedReset, $"{audience}: the push that hides or shows names must replace the running screen's feed");
                Assert.Equal(shown, push.NewPledges.Single(i => i.PledgeId == pledge.PledgeId).DisplayName);
            }
        }
    }
}
