using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// The pace of the live pushes, on a clock the test moves: big screens get a pledge on their 100 ms
/// tick and phones on their 250 ms tick, never sooner, so the fan-out does not grow with the pledge rate.
/// </summary>
public sealed class PushPacingTests(FakeClockCluster cluster) : IClassFixture<FakeClockCluster>
{
    [Fact]
    public async Task Screens_are_pushed_after_100_ms_and_phones_after_250_ms_never_sooner()
    {
        // The event's total grain starts its timers now: screens due at 100 ms, phones at 250 ms.
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var first = await RecordAsync(eventId);

        Advance(99);
        Assert.Empty(cluster.Broadcaster.PushesOf(eventId, LiveAudience.Screens));
        Assert.Empty(cluster.Broadcaster.PushesOf(eventId, LiveAudience.Viewers));

        Advance(1);
        await cluster.Broadcaster.WaitForPushAsync(eventId, Carries(first).Invoke, CharityCluster.Deadline, LiveAudience.Screens);
        Advance(149);
        Assert.Empty(cluster.Broadcaster.PushesOf(eventId, LiveAudience.Viewers));

        Advance(1);
        await cluster.Broadcaster.WaitForPushAsync(eventId, Carries(first).Invoke, CharityCluster.Deadline, LiveAudience.Viewers);

        // The next pledge waits for the phones' next tick, a whole period after the last one.
        var second = await RecordAsync(eventId);
        Advance(249);
        Assert.DoesNotContain(cluster.Broadcaster.PushesOf(eventId, LiveAudience.Viewers), Carries(second));
        Assert.Single(cluster.Broadcaster.PushesOf(eventId, LiveAudience.Screens), Carries(first));
        Assert.Single(cluster.Broadcaster.PushesOf(eventId, LiveAudience.Viewers), Carries(first));
    }

    private static Predicate<TotalPush> Carries(PledgeDraft pledge) => push => push.NewPledges.Any(p => p.PledgeId == pledge.PledgeId);

    private async Task<PledgeDraft> RecordAsync(string eventId)
    {
        var pledge = Pledges.Stage("desk-1", 1_000_000_00);
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, "desk-1").RecordAsync(pledge)).Kind);
        await cluster.QuietTotalAsync(eventId);
        return pledge;
    }

    /// <summary>One jump: a timer due within it fires once, at the end, and nothing is due in between.</summary>
    private void Advance(int milliseconds) => cluster.FakeClock.Advance(TimeSpan.FromMilliseconds(milliseconds));
}
