using System.Collections.Concurrent;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Tests;

/// <summary>Invariant 2 under load: however often and however concurrently a pledge is retried, it counts once.</summary>
[Collection(SharedCluster.Name)]
public sealed class ExactlyOnceTests(CharityCluster cluster)
{
    private const int Senders = 32;
    private const int PledgesPerSender = 200;
    private const int OnlineShards = 2;
    private static readonly string[] StageDesks = ["desk-1", "desk-2", "desk-3"];

    [Fact]
    public async Task Every_pledge_counts_once_however_often_and_however_concurrently_it_is_retried()
    {
        var eventId = await cluster.CreateLiveEventAsync(OnlineShards, StageDesks);
        var sends = new ConcurrentBag<(PledgeDraft Draft, PledgeOutcome Outcome)>();

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => SendAllAsync(eventId, sender, sends)));

        var byPledge = sends.GroupBy(s => s.Draft.PledgeId).ToList();
        Assert.Equal(Senders * PledgesPerSender, byPledge.Count);
        Assert.Empty(byPledge.Where(g => g.Any(s => s.Outcome.Kind is not (PledgeOutcomeKind.Recorded or PledgeOutcomeKind.Replayed))).Select(g => g.Key));
        Assert.Empty(byPledge.Where(g => g.Count(s => s.Outcome.Kind == PledgeOutcomeKind.Recorded) != 1).Select(g => g.Key));
        Assert.Empty(byPledge.Where(g => g.Select(s => s.Outcome.Pledge!.Sequence).Distinct().Count() != 1).Select(g => g.Key));
        Assert.Empty(byPledge.Where(g => g.Any(s => !s.Outcome.Pledge!.Draft.SameContentAs(s.Draft))).Select(g => g.Key));

        // Distinct pledges of one desk never share a sequence: the ledger's order is the desk's order.
        var recorded = sends.Where(s => s.Outcome.Kind == PledgeOutcomeKind.Recorded).ToList();
        Assert.All(recorded.GroupBy(s => s.Draft.DeskId), desk => Assert.Equal(desk.Count(), desk.Select(s => s.Outcome.Pledge!.Sequence).Distinct().Count()));

        var pledges = byPledge.Select(g => g.First().Draft).ToList();
        var expectedTotal = pledges.Sum(p => p.AmountFen);
        var expected = new ChannelTotals(
            pledges.Where(p => p.Channel == PledgeChannel.Stage).Sum(p => p.AmountFen),
            pledges.Where(p => p.Channel == PledgeChannel.Online).Sum(p => p.AmountFen),
            pledges.Count(p => p.Channel == PledgeChannel.Stage),
            pledges.Count(p => p.Channel == PledgeChannel.Online));

        var snapshot = await cluster.SnapshotWhenAsync(eventId, s => s.TotalFen == expectedTotal && s.PledgeCount == pledges.Count);
        Assert.Equal(expectedTotal, snapshot.TotalFen);
        Assert.Equal(pledges.Count, snapshot.PledgeCount);
        Assert.Equal(expected, snapshot.ByChannel);
        Assert.Equal(new LedgerSums(expectedTotal, pledges.Count, EntryCount: pledges.Count), await cluster.Ledger.SumAsync(eventId));
    }

    /// <summary>
    /// One operator (or phone) at work: every pledge is sent one to three times, the retries racing the
    /// first send, following its acknowledgement, or arriving after the sender has moved on.
    /// </summary>
    private async Task SendAllAsync(string eventId, int sender, ConcurrentBag<(PledgeDraft, PledgeOutcome)> sends)
    {
        var random = new Random(sender);
        var late = new List<PledgeDraft>();
        for (var n = 0; n < PledgesPerSender; n++)
        {
            var amountFen = random.NextInt64(1, 10_000_000_00);
            var draft = sender % 4 == 3
                ? Pledges.Online(OnlineShards, amountFen)
                : Pledges.Stage(StageDesks[sender % StageDesks.Length], amountFen, donorName: $"捐赠方 {sender}-{n}");
            var desk = cluster.Desk(eventId, draft.DeskId);
            var copies = random.Next(1, 4);
            switch (random.Next(3))
            {
                case 0:
                    foreach (var outcome in await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => desk.RecordAsync(draft))))
                    {
                        sends.Add((draft, outcome));
                    }

                    break;
                case 1:
                    for (var copy = 0; copy < copies; copy++)
                    {
                        sends.Add((draft, await desk.RecordAsync(draft)));
                    }

                    break;
                default:
                    sends.Add((draft, await desk.RecordAsync(draft)));
                    late.AddRange(Enumerable.Repeat(draft, copies - 1));
                    break;
            }
        }

        foreach (var (draft, outcome) in await Task.WhenAll(late.Select(async d => (d, await cluster.Desk(eventId, d.DeskId).RecordAsync(d)))))
        {
            sends.Add((draft, outcome));
        }
    }
}
