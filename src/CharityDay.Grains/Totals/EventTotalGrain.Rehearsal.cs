using CharityDay.Contracts;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Totals;

/// <summary>
/// The total counts one ledger run: a rehearsal's while the event is in rehearsal, else the real night's.
/// A new run always starts from nothing (each rehearsal has a fresh number, and the real night's run is
/// empty until the event first goes live), so a change of run zeroes the figures in memory, keeps each
/// desk's last sequence (the version never goes back) and tells every screen to clear its feed.
/// </summary>
public sealed partial class EventTotalGrain
{
    private int CurrentRun => _definition?.CurrentRun ?? EventDefinition.LiveRun;

    private bool IsRehearsal => _definition?.Status == EventStatus.Rehearsal;

    private void StartRun()
    {
        foreach (var (deskId, tally) in _desks.ToList())
        {
            _desks[deskId] = tally with { SubtotalFen = 0, PledgeCount = 0 };
        }

        _feed = new RecentFeed();
        foreach (var audience in _audiences)
        {
            audience.ResetFeed([]);
        }

        logger.LogInformation("Total of {EventId} starts ledger run {Run} from zero (rehearsal: {Rehearsal})", EventId, CurrentRun, IsRehearsal);
    }

    /// <summary>
    /// A report of another run: a desk told of a rehearsal's start or reset before this grain heard of it
    /// (then the event grain already holds the change), or a late report of a run that is over (dropped).
    /// </summary>
    private async Task<bool> CatchUpWithRunAsync(int reportedRun)
    {
        if (await GrainFactory.GetGrain<IEventGrain>(EventId).GetAsync() is { } latest)
        {
            await EventChangedAsync(latest);
        }

        return reportedRun == CurrentRun;
    }
}
