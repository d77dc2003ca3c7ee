using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains;

/// <summary>
/// Sends a desk's absolute subtotal to the event's total grain without holding up the desk's commits:
/// one report in flight at a time, commits that land meanwhile folded into the next one, and a failed
/// one sent again on the desk's timer. Only the desk activation's own turns touch it.
/// </summary>
internal sealed class DeskReporter(IEventTotalGrain total, string eventId, string deskId, PledgeChannel channel, ILogger logger)
{
    private const int FeedLimit = 20;

    private readonly List<FeedItem> _unreportedFeed = [];
    private readonly List<string> _unreportedVoids = [];
    private DeskTally _latest = new(0, 0, 0);
    private long _reportedSequence = -1;
    private bool _again;
    private Task _reporting = Task.CompletedTask;

    public void AddPledge(FeedItem item)
    {
        _unreportedFeed.Add(item);
        if (_unreportedFeed.Count > FeedLimit)
        {
            _unreportedFeed.RemoveAt(0);
        }
    }

    public void AddVoid(string pledgeId) => _unreportedVoids.Add(pledgeId);

    /// <summary>Reports <paramref name="tally"/> (or a newer one) soon; returns at once.</summary>
    public void Schedule(DeskTally tally)
    {
        _latest = tally;
        if (_reporting.IsCompleted)
        {
            _reporting = ReportWhileBehindAsync();
        }
        else
        {
            _again = true;
        }
    }

    /// <summary>Waits for the report in flight and sends the latest tally if it is not yet reported.</summary>
    public async Task FlushAsync()
    {
        await _reporting;
        await ReportAsync();
    }

    private async Task ReportWhileBehindAsync()
    {
        do
        {
            _again = false;
            await ReportAsync();
        }
        while (_again);
    }

    private async Task ReportAsync()
    {
        var tally = _latest;
        if (_reportedSequence == tally.LastSequence)
        {
            return;
        }

        var report = new DeskReport(deskId, channel, tally.SubtotalFen, tally.PledgeCount, tally.LastSequence, [.. _unreportedFeed], [.. _unreportedVoids]);
        try
        {
            await total.ReportAsync(report);
            _reportedSequence = Math.Max(_reportedSequence, report.Sequence);
            _unreportedFeed.RemoveAll(report.NewPledges.Contains);
            _unreportedVoids.RemoveAll(report.VoidedPledgeIds.Contains);
        }
        catch (Exception error)
        {
            // The timer sends the (absolute) report again; the total ignores duplicates.
            logger.LogWarning(error, "Report from desk {EventId}/{DeskId} at sequence {Sequence} failed", eventId, deskId, report.Sequence);
        }
    }
}
