using System.Diagnostics;
using System.Collections.Immutable;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Moderation;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Totals;

/// <summary>
/// Adds up an event: desks report their absolute positions here, and each audience gets a coalesced
/// push at its own pace. The grain keeps nothing durable of its own: when it activates it reads every
/// desk's position and the recent feed from the ledger, and the milestones reached follow from the
/// total. Its version is the sum of the desks' ledger sequences plus the event's configuration
/// revision: both only grow and both are durable, so the version never goes back, even after the
/// grain is rebuilt on another node. It counts the ledger run the event is in (rehearsals: <c>EventTotalGrain.Rehearsal.cs</c>).
/// </summary>
public sealed partial class EventTotalGrain(
    IPledgeLedger ledger, SqlModeration moderation, ILiveBroadcaster broadcaster, ILogger<EventTotalGrain> logger)
    : Grain, IEventTotalGrain
{
    private readonly Dictionary<string, DeskTally> _desks = new(StringComparer.Ordinal);
    private RecentFeed _feed = new();
    private static readonly TimeSpan RebuildPatience = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FeedPatience = TimeSpan.FromSeconds(30);

    private readonly LedgerCheck _ledgerCheck = new();

    /// <summary>Each audience is pushed at its own pace, however fast pledges arrive.</summary>
    private readonly AudienceFeed[] _audiences = [AudienceFeed.ForScreens(), AudienceFeed.ForViewers()];
    private readonly FeedModeration _moderation = new();
    private EventDefinition? _definition;

    private string EventId => this.GetPrimaryKeyString();

    private long Version => _desks.Values.Sum(d => d.LastSequence) + (_definition?.Revision ?? 0) + _moderation.Revision;

    private long TotalFen => _desks.Values.Sum(d => d.SubtotalFen);

    private ScreenSettings Screen => _definition?.ScreenOrDefault ?? ScreenSettings.Default;

    private ShowState Show => _definition?.ShowOrDefault ?? ShowState.Default;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _definition = await GrainFactory.GetGrain<IEventGrain>(EventId).GetAsync();
        if (_definition is not null)
        {
            // A rebuild that cannot finish soon fails, and the next call activates the grain again,
            // rather than every screen and desk report waiting on one stuck query.
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(RebuildPatience);
            var started = Stopwatch.GetTimestamp();
            foreach (var (deskId, tally) in await ledger.TallyDesksAsync(EventId, CurrentRun, patience.Token))
            {
                _desks[deskId] = tally;
            }

            _moderation.Start(await moderation.ReadSettingsAsync(EventId, patience.Token));
            logger.Log(Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(1) ? LogLevel.Warning : LogLevel.Information,
                "Total of {EventId} rebuilt from the ledger of {DeskCount} desks at version {Version} in {Milliseconds} ms",
                EventId, _desks.Count, Version, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            // The names come after: a slow newest-entries query must not hold the total (it did for
            // seconds, at the moment a killed node's grains came back under load).
            _ = FillFeedAsync();
        }

        foreach (var audience in _audiences)
        {
            audience.Start(Version);
            this.RegisterGrainTimer(() => PushAsync(audience), audience.Period, audience.Period);
        }

        // Interleaved: the query does not hold up the desks' reports.
        this.RegisterGrainTimer(CheckLedgerAsync, new GrainTimerCreationOptions(LedgerCheck.Period, LedgerCheck.Period) { Interleave = true });
    }

    public async Task ReportAsync(DeskReport report)
    {
        if (report.Run != CurrentRun && !await CatchUpWithRunAsync(report.Run))
        {
            return;
        }

        // The position counts only if it is newer; its pledges and voids are announced unless they
        // already were, so the report that wakes a rebuilt grain still names its pledge on screen.
        if (!_desks.TryGetValue(report.DeskId, out var known) || known.LastSequence < report.Sequence)
        {
            _desks[report.DeskId] = new DeskTally(report.SubtotalFen, report.PledgeCount, report.Sequence);
        }

        foreach (var item in report.NewPledges.Where(_feed.Add))
        {
            foreach (var audience in _audiences)
            {
                audience.Add(item);
            }
        }

        foreach (var voided in report.VoidedPledgeIds.Where(_feed.Void))
        {
            foreach (var audience in _audiences)
            {
                audience.Void(voided);
            }
        }
    }

    public Task EventChangedAsync(EventDefinition definition)
    {
        if (_definition is not null && definition.Revision <= _definition.Revision)
        {
            return Task.CompletedTask;
        }

        var namesToggled = _definition is not null && _definition.ScreenOrDefault.ShowDonorNames != definition.ScreenOrDefault.ShowDonorNames;
        var runBefore = CurrentRun;
        _definition = definition;
        if (CurrentRun != runBefore)
        {
            StartRun();
        }
        else if (namesToggled)
        {
            // Screens already running hold the names (or the placeholders): replace their whole feed.
            foreach (var audience in _audiences)
            {
                audience.ResetFeed(_feed.Items);
            }
        }

        return Task.CompletedTask;
    }

    public Task<TotalSnapshot> GetSnapshotAsync() => Task.FromResult(new TotalSnapshot(
        EventId, Version, TotalFen, PledgeCount, _definition?.GoalFen ?? 0,
        ByChannel(), ForScreen(_feed.Items), MilestonesReached(), _definition?.Title ?? "", Screen, IsRehearsal, Show));

    private long PledgeCount => _desks.Values.Sum(d => d.PledgeCount);

    /// <summary>Milestones follow the total: a void that takes it back below one re-arms it, to be celebrated when crossed again.</summary>
    private ImmutableArray<long> MilestonesReached()
    {
        var total = TotalFen;
        return [.. (_definition?.MilestonesFen ?? []).Where(m => m <= total).Order()];
    }

    /// <summary>
    /// Names are hidden here, on the server, so a screen never receives a name the moderator has not
    /// approved or the admin hides.
    /// </summary>
    private ImmutableArray<FeedItem> ForScreen(IEnumerable<FeedItem> items) =>
        Screen.ShowDonorNames ? [.. items.Select(_moderation.Show)] : [.. items.Select(item => _moderation.Show(item).WithoutName())];

    private ChannelTotals ByChannel()
    {
        long stageFen = 0, onlineFen = 0, stageCount = 0, onlineCount = 0;
        foreach (var (deskId, desk) in _desks)
        {
            if (OnlineShard.IsOnline(deskId))
            {
                onlineFen += desk.SubtotalFen;
                onlineCount += desk.PledgeCount;
            }
            else
            {
                stageFen += desk.SubtotalFen;
                stageCount += desk.PledgeCount;
            }
        }

        return new ChannelTotals(stageFen, onlineFen, stageCount, onlineCount);
    }

    private async Task FillFeedAsync()
    {
        try
        {
            using var patience = new CancellationTokenSource(FeedPatience);
            // For snapshots (every screen fetches one after a reconnect or a gap); pushes carry new pledges only.
            var run = CurrentRun;
            var recent = await ledger.RecentAsync(EventId, RecentFeed.Size, run, patience.Token);
            // The decisions before the names, so no rebuilt feed shows a name the moderator hid.
            foreach (var decision in (await moderation.DecisionsAsync(EventId, [.. recent.Select(r => r.PledgeId)], patience.Token)).Values)
            {
                _moderation.Apply(decision);
            }

            if (run == CurrentRun)
            {
                _feed.FillFromLedger(recent);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The newest pledges of {EventId} were not read from the ledger; the feed fills from new pledges", EventId);
        }
    }

    /// <summary>Takes from the ledger the position of a desk whose report never came (see <see cref="LedgerCheck"/>).</summary>
    private async Task CheckLedgerAsync(CancellationToken cancellationToken)
    {
        if (_definition is null)
        {
            return;
        }

        var run = CurrentRun;
        var ledgerTallies = await ledger.TallyDesksAsync(EventId, run, cancellationToken);
        if (run != CurrentRun)
        {
            return; // a rehearsal began or was reset while the query ran: its figures are not this run's
        }

        foreach (var (deskId, tally) in _ledgerCheck.StillBehind(ledgerTallies, _desks))
        {
            logger.LogWarning("The total of {EventId} takes desk {DeskId} from the ledger at sequence {Sequence}: its report never came",
                EventId, deskId, tally.LastSequence);
            _desks[deskId] = tally;
        }
    }

    private Task PushAsync(AudienceFeed audience)
    {
        var version = Version;
        if (_definition is null || !audience.IsDue(version))
        {
            return Task.CompletedTask;
        }

        broadcaster.Push(audience.Audience, new TotalPush(
            EventId, version, audience.PreviousVersion, TotalFen, PledgeCount, _definition.GoalFen, ByChannel(),
            ForScreen(audience.Fresh), [.. audience.Voided], MilestonesReached(), _definition.Title, Screen, audience.FeedReset, IsRehearsal, Show));
        audience.Pushed(version);
        return Task.CompletedTask;
    }
}
