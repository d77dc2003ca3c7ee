using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CharityDay.Grains.Desks;

/// <summary>
/// One stage desk or online shard. Requests interleave (the grain is reentrant) and queue on the
/// <see cref="DeskCommitLoop"/>, which writes them to the ledger in group commits and then answers
/// each sender. The desk admits pledges by the event definition it holds (<see cref="DeskAdmission"/>),
/// answers retries from what it remembers (<see cref="PledgeMemory"/>) or else from the ledger, and
/// reports its absolute subtotal to the total grain (<see cref="DeskReporter"/>). Its subtotal is
/// read from the ledger at activation: the ledger is the only durable truth.
/// </summary>
[Reentrant]
public sealed class PledgeDeskGrain(IPledgeLedger ledger, TimeProvider clock, ILogger<PledgeDeskGrain> logger)
    : Grain, IPledgeDeskGrain
{
    /// <summary>Enough for every retry an operator or a phone makes within minutes, at any rate this machine takes.</summary>
    private const int RememberedPledges = 10_000;
    private static readonly TimeSpan FlushPatience = TimeSpan.FromSeconds(2);


    private readonly PledgeMemory _memory = new(RememberedPledges);
    private string _deskId = "";
    private DeskAdmission _admission = null!;
    private DeskReporter _reporter = null!;
    private DeskCommitLoop _commits = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (eventId, deskId) = GrainKeys.SplitDesk(this.GetPrimaryKeyString());
        var channel = OnlineShard.IsOnline(deskId) ? PledgeChannel.Online : PledgeChannel.Stage;
        _deskId = deskId;
        _admission = new DeskAdmission(deskId, channel);
        _reporter = new DeskReporter(GrainFactory.GetGrain<IEventTotalGrain>(eventId), eventId, deskId, channel, clock, logger);
        _commits = new DeskCommitLoop(eventId, deskId, ledger, clock, _admission, _memory, _reporter, logger);
        _admission.Adopt(await GrainFactory.GetGrain<IEventGrain>(eventId).GetAsync());
        await _commits.StartAsync(cancellationToken);
        _reporter.StartAt(_commits.Tally, _commits.Run);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _commits.Idle;
        try
        {
            // When the node stops, the total grain may be moving too (a call to it can wait out the
            // 30 s response timeout and hold the whole stop). Its new activation rebuilds from the
            // ledger, and a total that stays put takes a lost report from there (LedgerCheck).
            await _reporter.FlushAsync().WaitAsync(FlushPatience, cancellationToken);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            logger.LogInformation("Desk {DeskId} deactivated without its last report: the total takes it from the ledger", _deskId);
        }
    }

    public async Task<PledgeOutcome> RecordAsync(PledgeDraft draft)
    {
        if (draft.DeskId != _deskId)
        {
            return PledgeOutcome.Rejected(PledgeOutcomeKind.DeskNotFound);
        }

        if (_memory.TryRecall(draft.PledgeId, out var record))
        {
            return PledgeMemory.Replay(record, draft, _admission.Run);
        }

        if (_memory.Waiting(draft.PledgeId) is { } waiting)
        {
            if (!waiting.Draft.SameContentAs(draft))
            {
                return PledgeOutcome.Rejected(PledgeOutcomeKind.Conflict);
            }

            var first = await waiting.Completion.Task;
            return first.Kind == PledgeOutcomeKind.Recorded ? first with { Kind = PledgeOutcomeKind.Replayed } : first;
        }

        var pending = new PendingPledge(draft);
        _memory.Wait(pending);
        _commits.Enqueue(pending);
        return await pending.Completion.Task;
    }

    public Task<VoidOutcome> VoidAsync(string pledgeId, string reason, string voidedBy)
    {
        var pending = new PendingVoid(pledgeId, reason, voidedBy);
        _commits.Enqueue(pending);
        return pending.Completion.Task;
    }

    public Task<EventDefinition?> EventAsync() => Task.FromResult(_admission.Definition);

    public async Task EventChangedAsync(EventDefinition definition)
    {
        var run = _admission.Run;
        if (_admission.Adopt(definition))
        {
            // Pledges are no longer admitted (a close, a rehearsal's reset): the change is answered only
            // once every batch admitted before it has been written or refused, so nothing is acknowledged after it.
            await _commits.Idle;
        }

        if (_admission.Run != run)
        {
            // A rehearsal began or was reset: what the desk holds of other rehearsals is cleared (the next
            // batch reads the new run's figures); a resend of such an id is refused from the ledger.
            _memory.ForgetRehearsalsBut(_admission.Run);
            _reporter.ForgetUnreported();
        }
    }
}
