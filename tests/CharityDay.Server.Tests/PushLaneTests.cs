using System.Collections.Immutable;
using CharityDay.Contracts;
using CharityDay.Server.Hubs;

namespace CharityDay.Server.Tests;

/// <summary>
/// The total grain hands pushes to a lane and goes on; pushes that pile up behind a slow fan-out must
/// reach the screens as one push that still chains versions and carries every pledge and void.
/// </summary>
public sealed class PushLaneTests
{
    [Fact]
    public async Task Pushes_offered_during_a_slow_send_go_out_next_as_one_merged_push()
    {
        var sent = new List<TotalPush>();
        var firstSendRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lane = new PushLane(
            async push =>
            {
                lock (sent)
                {
                    sent.Add(push);
                }

                if (push.Version == 1)
                {
                    await firstSendRelease.Task;
                }
            },
            (error, _) => Assert.Fail(error.ToString()));

        lane.Offer(Push(previous: 0, version: 1, pledges: ["a"]));
        await Eventually.UntilAsync(() => sent.Count == 1);
        lane.Offer(Push(previous: 1, version: 2, pledges: ["b", "c"]));
        lane.Offer(Push(previous: 2, version: 3, pledges: ["d"], voided: ["b"]));
        lane.Offer(Push(previous: 3, version: 4, pledges: ["e"]));
        firstSendRelease.SetResult();
        await lane.Idle;

        Assert.Equal([1L, 4L], sent.Select(p => p.Version));
        var merged = sent[1];
        Assert.Equal(1, merged.PreviousVersion);
        Assert.Equal(["c", "d", "e"], merged.NewPledges.Select(p => p.PledgeId));
        Assert.Equal(["b"], merged.VoidedPledgeIds.ToArray());
        Assert.Equal(4_00, merged.TotalFen);
    }

    [Fact]
    public async Task A_failed_send_is_reported_and_later_pushes_still_go_out()
    {
        var sent = new List<long>();
        var failed = new List<long>();
        var lane = new PushLane(
            push =>
            {
                sent.Add(push.Version);
                return push.Version == 1 ? Task.FromException(new IOException("socket gone")) : Task.CompletedTask;
            },
            (_, push) => failed.Add(push.Version));

        lane.Offer(Push(previous: 0, version: 1, pledges: ["a"]));
        await lane.Idle;
        lane.Offer(Push(previous: 1, version: 2, pledges: ["b"]));
        await lane.Idle;

        Assert.Equal([1L, 2L], sent);
        Assert.Equal([1L], failed);
    }

    [Fact]
    public void A_merge_keeps_the_newest_pledges_when_there_are_too_many()
    {
        var earlier = Push(previous: 0, version: 1, pledges: [.. Enumerable.Range(0, 15).Select(i => "x" + i)]);
        var later = Push(previous: 1, version: 2, pledges: [.. Enumerable.Range(0, 15).Select(i => "y" + i)]);

        var merged = PushLane.Merge(earlier, later);

        Assert.Equal(PushLane.MaxPledgesPerPush, merged.NewPledges.Length);
        Assert.Equal("y14", merged.NewPledges[^1].PledgeId);
        Assert.Equal("x10", merged.NewPledges[0].PledgeId);
    }

    [Fact]
    public void A_feed_reset_survives_a_merge_so_hidden_names_are_not_left_on_screen()
    {
        var reset = Push(previous: 4, version: 5, ["a", "b"]) with { FeedReset = true };
        var next = Push(previous: 5, version: 6, ["c"], voided: ["a"]);

        var merged = PushLane.Merge(reset, next);
        var replaced = PushLane.Merge(next, reset with { PreviousVersion = 6, Version = 7 });

        Assert.True(merged.FeedReset);
        Assert.Equal((4, 6), (merged.PreviousVersion, merged.Version));
        Assert.Equal(["b", "c"], merged.NewPledges.Select(p => p.PledgeId));
        Assert.True(replaced.FeedReset);
        Assert.Equal((5, 7), (replaced.PreviousVersion, replaced.Version));
        Assert.Equal(["a", "b"], replaced.NewPledges.Select(p => p.PledgeId));
    }

    private static TotalPush Push(long previous, long version, string[] pledges, string[]? voided = null) => new(
        "gala", version, previous, TotalFen: version * 1_00, PledgeCount: version, GoalFen: 0, new ChannelTotals(0, 0, 0, 0),
        [.. pledges.Select(id => new FeedItem(id, "爱心人士", 1_00, PledgeChannel.Online, DonorKind.Individual, DateTimeOffset.UnixEpoch))],
        voided is null ? [] : [.. voided], ImmutableArray<long>.Empty, "郑州慈善日", ScreenSettings.Default, FeedReset: false, Rehearsal: false, ShowState.Default);
}
