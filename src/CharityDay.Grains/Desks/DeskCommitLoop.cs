using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Desks;

/// <summary>
/// A desk's group commit. Requests queue here; one loop at a time takes up to <see cref="MaxBatch"/>
/// of them, writes everything new as one ledger statement, and answers each sender only after the
/// write. While one batch is written the next one gathers, so the batch grows with the load and one
/// fsync serves many pledges. Only the desk activation's own turns touch it. A batch writes to the ledger
/// run the event is in when the batch starts (a rehearsal's or the real night's); when that run changes,
/// the desk's figures are read again for the new run, while its sequence goes on.
/// </summary>
internal sealed class DeskCommitLoop(
    string eventId,
    string deskId,
    IPledgeLedger ledger,
    TimeProvider clock,
    DeskAdmission admission,
    PledgeMemory memory,
    DeskReporter reporter,
    ILogger logger)
{
    private const int MaxBatch = 500;

    private readonly List<PendingWork> _queue = [];
    private Task _loop = Task.CompletedTask;
    private bool _resyncFromLedger;

    /// <summary>The desk's position: what the ledger holds for it, as the ledger would rebuild it.</summary>
    public DeskTally Tally { get; private set; } = new(0, 0, 0);

    /// <summary>The ledger run <see cref="Tally"/> counts.</summary>
    public int Run { get; private set; } = EventDefinition.LiveRun;

    /// <summary>Completes once everything queued so far is written or refused.</summary>
    public Task Idle => _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Run = admission.Run;
        Tally = await ledger.TallyDeskAsync(eventId, deskId, Run, cancellationToken);
    }

    public void Enqueue(PendingWork work)
    {
        _queue.Add(work);
        if (_loop.IsCompleted)
        {
            _loop = RunAsync();
        }
    }

    private async Task RunAsync()
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
                // The ledger may or may not hold the batch; senders retry with the same ids, and the
                // next batch re-reads the desk's position from the ledger first.
                // A lost database file is logged once, by its guard, not once per batch.
                logger.Log(error is DatabaseFileLostException ? LogLevel.Debug : LogLevel.Error, error,
                    "Commit of {Count} entries failed on desk {EventId}/{DeskId}", batch.Count, eventId, deskId);
                _resyncFromLedger = true;
                foreach (var work in batch)
                {
                    work.Fail(error);
                }
            }
            finally
            {
                foreach (var pledge in batch.OfType<PendingPledge>())
                {
                    memory.Done(pledge);
                }
            }

            // The next batch does not wait for the total grain: reports are absolute, only the latest matters.
            reporter.Schedule(Tally, Run);
        }
    }

    private async Task CommitAsync(List<PendingWork> batch)
    {
        // Until the figures are those of the run the event is in now (a rehearsal started or was reset meanwhile).
        while (_resyncFromLedger || admission.Run != Run)
        {
            var run = admission.Run;
            Tally = await ledger.TallyDeskAsync(eventId, deskId, run);
            Run = run;
            _resyncFromLedger = false;
        }

        // Admission is decided once per batch, here, with the run: a close or a rehearsal's reset waits
        // for this batch (Idle) before it is answered.
        var refusal = admission.Refusal();

        // New pledges go straight to the insert, which skips ids the ledger already holds; those are
        // looked up afterwards. Only voids (which need their pledge) and pledges about to be refused
        // (a retry of a recorded pledge still gets its first answer) are looked up first.
        await memory.LearnAsync(ledger, eventId, [.. batch
            .Where(w => !memory.Knows(w.PledgeId) && (w is PendingVoid || refusal is not null))
            .Select(w => w.PledgeId).Distinct()]);

        var plan = new DeskBatchPlan(eventId, deskId, Run, Tally.LastSequence, clock.GetUtcNow());
        foreach (var work in batch)
        {
            Plan(work, plan, refusal);
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
        var lastWritten = Tally.LastSequence;
        foreach (var (work, entry) in plan.Planned)
        {
            if (written.Contains((entry.PledgeId, entry.Kind)))
            {
                Apply(work, entry);
                lastWritten = Math.Max(lastWritten, entry.Sequence);
            }
            else
            {
                // The ledger already holds this id: an earlier send, or another desk's pledge.
                lostRaces.Add(work);
            }
        }

        // Only sequences that reached the ledger count: the desk's position must stay what the ledger
        // would rebuild, or a rebuilt desk would reuse a number the total already took as seen.
        Tally = Tally with { LastSequence = lastWritten };
        await AnswerFromLedgerAsync(lostRaces, plan.RepeatedVoids);
    }

    private void Plan(PendingWork work, DeskBatchPlan plan, PledgeOutcomeKind? refusal)
    {
        switch (work)
        {
            case PendingPledge pledge when memory.TryRecall(pledge.PledgeId, out var record):
                pledge.Completion.TrySetResult(PledgeMemory.Replay(record, pledge.Draft, Run));
                break;
            case PendingPledge pledge when refusal is { } kind:
                pledge.Completion.TrySetResult(PledgeOutcome.Rejected(kind));
                break;
            case PendingPledge pledge:
                plan.AddPledge(pledge);
                break;
            case PendingVoid voiding when admission.Definition is null:
                voiding.Completion.TrySetResult(new VoidOutcome(VoidOutcomeKind.EventNotFound, null, null, null, null));
                break;
            case PendingVoid voiding:
                plan.AddVoid(voiding, memory.TryRecall(voiding.PledgeId, out var known) ? known : null);
                break;
        }
    }

    private void Apply(PendingWork work, LedgerEntry entry)
    {
        Tally = Tally with
        {
            SubtotalFen = Tally.SubtotalFen + entry.AmountFen,
            PledgeCount = Tally.PledgeCount + (entry.Kind == LedgerEntryKind.Pledge ? 1 : -1),
        };

        switch (work)
        {
            case PendingPledge pledge:
                memory.Remember(new LedgerRecord(entry, null));
                var recorded = entry.ToPledge(PledgeStatus.Confirmed);
                reporter.AddPledge(FeedItem.From(recorded));
                pledge.Completion.TrySetResult(new PledgeOutcome(PledgeOutcomeKind.Recorded, recorded));
                break;
            case PendingVoid voiding:
                // The pledge was looked up before planning, or written earlier in this batch.
                var record = Recall(entry.PledgeId) with { Void = entry };
                memory.Remember(record);
                reporter.AddVoid(entry.PledgeId);
                voiding.Completion.TrySetResult(DeskBatchPlan.Voided(VoidOutcomeKind.Voided, record));
                break;
        }
    }

    /// <summary>Sends whose row the ledger already held, and second voids of one pledge, get what the ledger holds.</summary>
    private async Task AnswerFromLedgerAsync(List<PendingWork> lostRaces, List<PendingVoid> repeatedVoids)
    {
        var found = await memory.LearnAsync(ledger, eventId, [.. lostRaces.Select(w => w.PledgeId).Distinct()]);
        foreach (var work in lostRaces.Concat(repeatedVoids))
        {
            var record = found.TryGetValue(work.PledgeId, out var held) ? held : Recall(work.PledgeId);
            switch (work)
            {
                case PendingPledge pledge:
                    pledge.Completion.TrySetResult(PledgeMemory.Replay(record, pledge.Draft, Run));
                    break;
                case PendingVoid voiding:
                    voiding.Completion.TrySetResult(DeskBatchPlan.Voided(VoidOutcomeKind.AlreadyVoided, record));
                    break;
            }
        }
    }

    private LedgerRecord Recall(string pledgeId) =>
        memory.TryRecall(pledgeId, out var record) ? record : throw new InvalidOperationException($"Pledge {pledgeId} is neither in the ledger nor remembered.");
}
