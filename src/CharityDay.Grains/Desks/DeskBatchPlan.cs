using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Desks;

/// <summary>
/// The ledger rows one group commit will write, with the next sequences of the desk. Requests that
/// can be answered without writing (unknown pledge, already voided) are answered here. Every row goes to
/// the batch's ledger <paramref name="run"/>; a pledge of another run (a reset rehearsal's) cannot be voided.
/// </summary>
internal sealed class DeskBatchPlan(string eventId, string deskId, int run, long lastSequence, DateTimeOffset now)
{
    private readonly Dictionary<string, LedgerEntry> _newPledges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newVoids = new(StringComparer.Ordinal);

    public List<LedgerEntry> Entries { get; } = [];

    public List<(PendingWork Work, LedgerEntry Entry)> Planned { get; } = [];

    /// <summary>Second voids of a pledge voided in this same batch: answered once the first is written.</summary>
    public List<PendingVoid> RepeatedVoids { get; } = [];

    public long LastSequence { get; private set; } = lastSequence;

    public void AddPledge(PendingPledge pledge)
    {
        var entry = LedgerEntry.ForPledge(eventId, new RecordedPledge(pledge.Draft, ++LastSequence, now, PledgeStatus.Confirmed), run);
        _newPledges[pledge.PledgeId] = entry;
        Add(pledge, entry);
    }

    public void AddVoid(PendingVoid voiding, LedgerRecord? known)
    {
        var pledge = known?.Pledge ?? _newPledges.GetValueOrDefault(voiding.PledgeId);
        if (pledge is null || pledge.DeskId != deskId || pledge.Run != run)
        {
            voiding.Completion.TrySetResult(new VoidOutcome(VoidOutcomeKind.PledgeNotFound, null, null, null, null));
        }
        else if (known?.Void is not null)
        {
            voiding.Completion.TrySetResult(Voided(VoidOutcomeKind.AlreadyVoided, known));
        }
        else if (!_newVoids.Add(voiding.PledgeId))
        {
            RepeatedVoids.Add(voiding);
        }
        else
        {
            Add(voiding, LedgerEntry.ForVoid(eventId, pledge, ++LastSequence, voiding.Reason, voiding.VoidedBy, now));
        }
    }

    public static VoidOutcome Voided(VoidOutcomeKind kind, LedgerRecord record) => new(
        kind,
        record.Pledge.ToPledge(PledgeStatus.Voided),
        record.Void?.Note,
        record.Void?.Actor,
        record.Void?.RecordedAt);

    private void Add(PendingWork work, LedgerEntry entry)
    {
        Entries.Add(entry);
        Planned.Add((work, entry));
    }
}
