using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Desks;

/// <summary>
/// Sends a desk's absolute subtotal to the event's total grain without holding up the desk's commits:
/// one report in flight at a time, commits that land meanwhile folded into the next one, and a failed
/// one sent again a moment later (the total grain may be moving to another node). Only the desk
/// activation's own turns touch it.
/// </summary>
internal sealed class DeskReporter(IEventTotalGrain total, string eventId, string deskId, PledgeChannel channel, TimeProvider clock, ILogger logger)
{
    private const int FeedLimit = 20;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly List<FeedItem> _unreportedFeed = [];
    private readonly List<string> _unreportedVoids = [];
    private DeskTally _latest = new(0, 0, 0);
    private int _latestRun = EventDefinition.LiveRun;
    private long _reportedSequence = -1;
    private bool _again;
    private bool _stopping;
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

    /// <summary>The position the desk activated at is in the ledger, where the total rebuilds from: nothing to report.</summary>
    public void StartAt(DeskTally tally, int run)
    {
        _latest = tally;
        _latestRun = run;
        _reportedSequence = tally.LastSequence;
    }

    /// <summary>The pledges and voids not reported yet belong to a run that ended: the total must not name them.</summary>
    public void ForgetUnreported()
    {
        _unreportedFeed.Clear();
        _unreportedVoids.Clear();
    }

    /// <summary>Reports <paramref name="tally"/> of ledger <paramref name="run"/> (or a newer one) soon; returns at once.</summary>
    public void Schedule(DeskTally tally, int run)
    {
        _latest = tally;
        _latestRun = run;
        if (_reporting.IsCompleted)
        {
            _reporting = ReportWhileBehindAsync();
        }
        else
        {
            _again = true;
        }
    }

    /// <summary>For deactivation: stops retrying, waits for the report in flight and sends the latest once more if it is not yet reported.</summary>
    public async Task FlushAsync()
    {
        _stopping = true;
        await _reporting;
        await ReportAsync();
    }

    private async Task ReportWhileBehindAsync()
    {
        do
        {
            _again = false;
            if (!await ReportAsync() && !_stopping)
            {
                await Task.Delay(RetryDelay, clock);
                _again = true;
            }
        }
        while (_again && !_stopping);
    }

    /// <summary>False when the report failed and should be sent again.</summary>
    private async Task<bool> ReportAsync()
    {
        var (tally, run) = (_latest, _latestRun);
        if (_reportedSequence == tally.LastSequence && _unreportedFeed.Count == 0 && _unreportedVoids.Count == 0)
        {
            return true;
        }

        var report = new DeskReport(deskId, channel, tally.SubtotalFen, tally.PledgeCount, tally.LastSequence, [.. _unreportedFeed], [.. _unreportedVoids], run);
        try
        {
            await total.ReportAsync(report);
            _reportedSequence = Math.Max(_reportedSequence, report.Sequence);
            _unreportedFeed.RemoveAll(report.NewPledges.Contains);
            _unreportedVoids.RemoveAll(report.VoidedPledgeIds.Contains);
            return true;
        }
        catch (Exception error)
        {
            // Sent again shortly; the report is absolute, so the total ignores a duplicate.
            logger.LogWarning(error, "Report from desk {EventId}/{DeskId} at sequence {Sequence} failed", eventId, deskId, report.Sequence);
            return false;
        }
    }
}
