using System.Collections.Immutable;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains;

/// <summary>
/// Adds up an event. Its version is the sum of the desks' ledger sequences plus the event's
/// configuration revision: both only grow and both are durable, so the version never goes back,
/// even after the grain is rebuilt on another node.
/// </summary>
public sealed class EventTotalGrain(
    [PersistentState("total", "store")] IPersistentState<TotalState> state,
    IPledgeLedger ledger,
    ILiveBroadcaster broadcaster,
    ILogger<EventTotalGrain> logger) : Grain, IEventTotalGrain
{
    private const int FeedSize = 20;

    private readonly Dictionary<string, DeskReport> _desks = new(StringComparer.Ordinal);
    private readonly List<FeedItem> _recent = [];

    /// <summary>Each audience is pushed at its own pace, however fast pledges arrive.</summary>
    private readonly AudienceFeed[] _audiences = [AudienceFeed.ForScreens(), AudienceFeed.ForViewers()];
    private EventDefinition? _definition;

    private string EventId => this.GetPrimaryKeyString();

    private long Version => _desks.Values.Sum(d => d.Sequence) + (_definition?.Revision ?? 0);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _definition = await GrainFactory.GetGrain<IEventGrain>(EventId).GetAsync();
        if (_definition is not null)
        {
            var reports = await Task.WhenAll(_definition.LedgerDeskIds.Select(desk =>
                GrainFactory.GetGrain<IPledgeDeskGrain>(GrainKeys.Desk(EventId, desk)).GetReportAsync()));
            foreach (var report in reports)
            {
                Accept(report);
            }

            _recent.AddRange(await ledger.RecentAsync(EventId, FeedSize, cancellationToken));
            logger.LogInformation("Total of {EventId} rebuilt from {DeskCount} desks at version {Version}", EventId, reports.Length, Version);
        }

        foreach (var audience in _audiences)
        {
            this.RegisterGrainTimer(cancellationToken => PushAsync(audience, cancellationToken), audience.Period, audience.Period);
        }
    }

    public async Task ReportAsync(DeskReport report)
    {
        if (!Accept(report))
        {
            return;
        }

        foreach (var item in report.NewPledges)
        {
            _recent.RemoveAll(r => r.PledgeId == item.PledgeId);
            _recent.Insert(0, item);
            foreach (var audience in _audiences)
            {
                audience.Add(item);
            }
        }

        foreach (var voided in report.VoidedPledgeIds)
        {
            _recent.RemoveAll(r => r.PledgeId == voided);
            foreach (var audience in _audiences)
            {
                audience.Void(voided);
            }
        }

        if (_recent.Count > FeedSize)
        {
            _recent.RemoveRange(FeedSize, _recent.Count - FeedSize);
        }

        await RecordMilestonesAsync();
    }

    public Task EventChangedAsync(EventDefinition definition)
    {
        if (_definition is null || definition.Revision > _definition.Revision)
        {
            _definition = definition;
        }

        return Task.CompletedTask;
    }

    public Task<TotalSnapshot> GetSnapshotAsync() => Task.FromResult(new TotalSnapshot(
        EventId, Version, TotalFen, _desks.Values.Sum(d => d.PledgeCount), _definition?.GoalFen ?? 0,
        ByChannel(), ForScreen(_recent), [.. state.State.MilestonesReached], _definition?.Title ?? "", Screen));

    private ScreenSettings Screen => _definition?.ScreenOrDefault ?? ScreenSettings.Default;

    /// <summary>Names are hidden here, on the server, so a screen set to hide them never receives them.</summary>
    private ImmutableArray<FeedItem> ForScreen(IReadOnlyList<FeedItem> items) =>
        Screen.ShowDonorNames ? [.. items] : [.. items.Select(item => item.WithoutName())];

    private long TotalFen => _desks.Values.Sum(d => d.SubtotalFen);

    /// <summary>Keeps a desk's newest report; a duplicate or late one changes nothing.</summary>
    private bool Accept(DeskReport report)
    {
        if (_desks.TryGetValue(report.DeskId, out var known) && known.Sequence >= report.Sequence)
        {
            return false;
        }

        _desks[report.DeskId] = report with { NewPledges = [], VoidedPledgeIds = [] };
        return true;
    }

    private ChannelTotals ByChannel()
    {
        long stageFen = 0, onlineFen = 0, stageCount = 0, onlineCount = 0;
        foreach (var desk in _desks.Values)
        {
            if (desk.Channel == PledgeChannel.Stage)
            {
                stageFen += desk.SubtotalFen;
                stageCount += desk.PledgeCount;
            }
            else
            {
                onlineFen += desk.SubtotalFen;
                onlineCount += desk.PledgeCount;
            }
        }

        return new ChannelTotals(stageFen, onlineFen, stageCount, onlineCount);
    }

    private async Task RecordMilestonesAsync()
    {
        var total = TotalFen;
        var crossed = (_definition?.MilestonesFen ?? [])
            .Where(m => m <= total && !state.State.MilestonesReached.Contains(m))
            .ToList();
        if (crossed.Count == 0)
        {
            return;
        }

        state.State.MilestonesReached.AddRange(crossed);
        state.State.MilestonesReached.Sort();
        await state.WriteStateAsync();
        logger.LogInformation("Event {EventId} crossed milestones {Milestones}", EventId, crossed);
    }

    private async Task PushAsync(AudienceFeed audience, CancellationToken cancellationToken)
    {
        var version = Version;
        if (version == audience.PushedVersion || _definition is null)
        {
            return;
        }

        var push = new TotalPush(
            EventId, version, Math.Max(audience.PushedVersion, 0), TotalFen, _desks.Values.Sum(d => d.PledgeCount), _definition.GoalFen,
            ByChannel(), ForScreen(audience.Fresh), [.. audience.Voided], [.. state.State.MilestonesReached], _definition.Title, Screen);
        try
        {
            await broadcaster.PushAsync(audience.Audience, push, cancellationToken);
            audience.Pushed(version);
        }
        catch (Exception error)
        {
            // Keep the fresh pledges (bounded) for the next tick; clients also re-fetch on reconnect.
            logger.LogWarning(error, "Push of {EventId} to {Audience} at version {Version} failed", EventId, audience.Audience, version);
            audience.PushFailed();
        }
    }
}
