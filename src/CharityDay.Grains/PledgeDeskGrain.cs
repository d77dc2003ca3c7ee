using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CharityDay.Grains;

/// <summary>
/// One stage desk or online shard. Requests interleave (the grain is reentrant) and queue; a single
/// commit loop writes everything queued as one ledger transaction, then acknowledges each sender.
/// While one batch is being written the next one gathers, so the batch grows with the load and one
/// fsync serves many pledges. The desk's subtotal is derived from the ledger at activation, so the
/// ledger is the only durable truth. The event's definition is held here, refreshed when the event
/// grain announces a change (and once a second in case an announcement was lost), so a commit is one
/// ledger round trip and nothing else.
/// </summary>
[Reentrant]
public sealed class PledgeDeskGrain(IPledgeLedger ledger, TimeProvider clock, ILogger<PledgeDeskGrain> logger)
    : Grain, IPledgeDeskGrain
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, LedgerRecord> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingPledge> _pendingPledges = new(StringComparer.Ordinal);
    private readonly List<PendingWork> _queue = [];
    private string _eventId = "";
    private string _deskId = "";
    private PledgeChannel _channel;
    private IEventGrain _event = null!;
    private DeskReporter _reporter = null!;
    private EventDefinition? _definition;
    private DeskTally _tally = new(0, 0, 0);
    private bool _resyncFromLedger;
    private Task _commitLoop = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_eventId, _deskId) = GrainKeys.SplitDesk(this.GetPrimaryKeyString());
        _channel = OnlineShard.IsOnline(_deskId) ? PledgeChannel.Online : PledgeChannel.Stage;
        _event = GrainFactory.GetGrain<IEventGrain>(_eventId);
        _reporter = new DeskReporter(GrainFactory.GetGrain<IEventTotalGrain>(_eventId), _eventId, _deskId, _channel, logger);
        _definition = await _event.GetAsync();
        _tally = await ledger.TallyDeskAsync(_eventId, _deskId, cancellationToken);
        this.RegisterGrainTimer(RefreshAsync, RefreshPeriod, RefreshPeriod);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _commitLoop;
        await _reporter.FlushAsync();
    }

    public async Task<PledgeOutcome> RecordAsync(PledgeDraft draft)
    {
        if (draft.DeskId != _deskId)
        {
            return PledgeOutcome.Rejected(PledgeOutcomeKind.DeskNotFound);
        }

        if (_known.TryGetValue(draft.PledgeId, out var record))
        {
            return Resolve(record, draft);
        }

        if (_pendingPledges.TryGetValue(draft.PledgeId, out var waiting))
        {
            if (!waiting.Draft.SameContentAs(draft))
            {
                return PledgeOutcome.Rejected(PledgeOutcomeKind.Conflict);
            }

            var first = await waiting.Completion.Task;
            return first.Kind == PledgeOutcomeKind.Recorded ? first with { Kind = PledgeOutcomeKind.Replayed } : first;
        }

        var pending = new PendingPledge(draft);
        _pendingPledges[draft.PledgeId] = pending;
        Enqueue(pending);
        return await pending.Completion.Task;
    }

    public Task<VoidOutcome> VoidAsync(string pledgeId, string reason, string voidedBy)
    {
        var pending = new PendingVoid(pledgeId, reason, voidedBy);
        Enqueue(pending);
        return pending.Completion.Task;
    }

    public Task<DeskReport> GetReportAsync() =>
        Task.FromResult(new DeskReport(_deskId, _channel, _tally.SubtotalFen, _tally.PledgeCount, _tally.LastSequence, [], []));

    public Task EventChangedAsync(EventDefinition definition)
    {
        Adopt(definition);
        return Task.CompletedTask;
    }

    private void Adopt(EventDefinition? definition)
    {
        if (definition is not null && (_definition is null || definition.Revision > _definition.Revision))
        {
            _definition = definition;
        }
    }

    private void Enqueue(PendingWork work)
    {
        _queue.Add(work);
        if (_commitLoop.IsCompleted)
        {
            _commitLoop = CommitLoopAsync();
        }
    }

    private async Task CommitLoopAsync()
    {
        while (_queue.Count > 0)
        {
            var batch = _queue.GetRange(0, Math.Min(MaxBatch, _queue.Count));
            _queue.RemoveRange(0, batch.Count);
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception error)
            {
                // The ledger may or may not hold the batch; senders retry with the same ids and the
                // next batch re-reads the desk's position from the ledger first.
                logger.LogError(error, "Commit of {Count} entries failed on desk {EventId}/{DeskId}", batch.Count, _eventId, _deskId);
                _resyncFromLedger = true;
                foreach (var work in batch)
                {
                    work.Fail(error);
                }
            }
            finally
            {
                foreach (var work in batch.OfType<PendingPledge>())
                {
                    _pendingPledges.Remove(work.PledgeId);
                }
            }

            // The next batch does not wait for the total grain: reports are absolute, so only the
            // latest matters, and the refresh timer resends one that failed.
            _reporter.Schedule(_tally);
        }
    }

    private async Task CommitAsync(List<PendingWork> batch)
    {
        if (_resyncFromLedger)
        {
            _tally = await ledger.TallyDeskAsync(_eventId, _deskId);
            _resyncFromLedger = false;
        }

        var definition = _definition;
        var rejection = Admission(definition);
        // New pledges go straight to the insert, which skips ids the ledger already holds; those are
        // looked up afterwards. Only voids (which need their pledge) and pledges about to be refused
        // (a retry of a recorded pledge still gets its first answer) are looked up first.
        await LearnFromLedgerAsync(batch
            .Where(w => !_known.ContainsKey(w.PledgeId) && (w is PendingVoid || rejection is not null))
            .Select(w => w.PledgeId).Distinct().ToList());

        var plan = new DeskBatchPlan(_eventId, _deskId, _tally.LastSequence, clock.GetUtcNow());
        foreach (var work in batch)
        {
            switch (work)
            {
                case PendingPledge pledge when _known.TryGetValue(pledge.PledgeId, out var record):
                    pledge.Completion.TrySetResult(Resolve(record, pledge.Draft));
                    break;
                case PendingPledge pledge when rejection is { } kind:
                    pledge.Completion.TrySetResult(PledgeOutcome.Rejected(kind));
                    break;
                case PendingPledge pledge:
                    plan.AddPledge(pledge);
                    break;
                case PendingVoid voiding when definition is null:
                    voiding.Completion.TrySetResult(new VoidOutcome(VoidOutcomeKind.EventNotFound, null, null, null, null));
                    break;
                case PendingVoid voiding:
                    plan.AddVoid(voiding, _known.GetValueOrDefault(voiding.PledgeId));
                    break;
            }
        }

        if (plan.Entries.Count == 0)
        {
            return;
        }

        var written = await ledger.AppendAsync(plan.Entries);
        LedgerMetrics.Commits.Add(1);
        LedgerMetrics.Entries.Add(written.Count);
        LedgerMetrics.BatchSize.Record(plan.Entries.Count);
        var lostRaces = new List<PendingWork>();
        foreach (var (work, entry) in plan.Planned)
        {
            if (written.Contains((entry.PledgeId, entry.Kind)))
            {
                Apply(work, entry);
            }
            else
            {
                // The ledger already holds this id: an earlier send, or another desk's pledge.
                lostRaces.Add(work);
            }
        }

        // Only sequences that reached the ledger count: the desk's position must stay what the ledger
        // would rebuild, or a rebuilt desk would reuse a number the total already took as seen.
        _tally = _tally with
        {
            LastSequence = plan.Planned
                .Where(p => written.Contains((p.Entry.PledgeId, p.Entry.Kind)))
                .Select(p => p.Entry.Sequence)
                .DefaultIfEmpty(_tally.LastSequence)
                .Max(),
        };
        await LearnFromLedgerAsync(lostRaces.Select(w => w.PledgeId).Distinct().ToList());
        foreach (var work in lostRaces.Concat(plan.RepeatedVoids))
        {
            var record = _known[work.PledgeId];
            switch (work)
            {
                case PendingPledge pledge:
                    pledge.Completion.TrySetResult(Resolve(record, pledge.Draft));
                    break;
                case PendingVoid voiding:
                    voiding.Completion.TrySetResult(DeskBatchPlan.Voided(VoidOutcomeKind.AlreadyVoided, record));
                    break;
            }
        }
    }

    private void Apply(PendingWork work, LedgerEntry entry)
    {
        _tally = _tally with
        {
            SubtotalFen = _tally.SubtotalFen + entry.AmountFen,
            PledgeCount = _tally.PledgeCount + (entry.Kind == LedgerEntryKind.Pledge ? 1 : -1),
        };

        switch (work)
        {
            case PendingPledge pledge:
                _known[entry.PledgeId] = new LedgerRecord(entry, null);
                var recorded = entry.ToPledge(PledgeStatus.Confirmed);
                _reporter.AddPledge(FeedItem.From(recorded));
                pledge.Completion.TrySetResult(new PledgeOutcome(PledgeOutcomeKind.Recorded, recorded));
                break;
            case PendingVoid voiding:
                var record = _known[entry.PledgeId] = _known[entry.PledgeId] with { Void = entry };
                _reporter.AddVoid(entry.PledgeId);
                voiding.Completion.TrySetResult(DeskBatchPlan.Voided(VoidOutcomeKind.Voided, record));
                break;
        }
    }

    private async Task LearnFromLedgerAsync(List<string> pledgeIds)
    {
        if (pledgeIds.Count == 0)
        {
            return;
        }

        foreach (var (id, record) in await ledger.FindAsync(_eventId, pledgeIds))
        {
            _known[id] = record;
        }
    }

    private PledgeOutcomeKind? Admission(EventDefinition? definition) => definition switch
    {
        null => PledgeOutcomeKind.EventNotFound,
        { Status: not EventStatus.Live } => PledgeOutcomeKind.EventNotLive,
        _ when _channel == PledgeChannel.Stage && !definition.Desks.Any(d => d.DeskId == _deskId) => PledgeOutcomeKind.DeskNotFound,
        _ => null,
    };

    private static PledgeOutcome Resolve(LedgerRecord record, PledgeDraft draft)
    {
        var pledge = record.Pledge.ToPledge(record.Void is null ? PledgeStatus.Confirmed : PledgeStatus.Voided);
        return pledge.Draft.SameContentAs(draft)
            ? new PledgeOutcome(PledgeOutcomeKind.Replayed, pledge)
            : PledgeOutcome.Rejected(PledgeOutcomeKind.Conflict);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            Adopt(await _event.GetAsync());
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Desk {EventId}/{DeskId} could not refresh the event definition", _eventId, _deskId);
        }

        _reporter.Schedule(_tally);
    }
}
