using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Desks;

/// <summary>
/// What a desk remembers of pledge ids, so a retry is answered without a ledger round trip: the
/// pledges waiting for a commit, and the most recent records it wrote or looked up. It forgets the
/// oldest records beyond its capacity; the ledger still answers for them, because a new pledge with a
/// forgotten id loses the insert to the row already there and is then looked up, and a void looks its
/// pledge up before it is planned.
/// </summary>
internal sealed class PledgeMemory(int capacity)
{
    private readonly Dictionary<string, LedgerRecord> _records = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();
    private readonly Dictionary<string, PendingPledge> _waiting = new(StringComparer.Ordinal);

    public int Count => _records.Count;

    public bool TryRecall(string pledgeId, out LedgerRecord record) => _records.TryGetValue(pledgeId, out record!);

    public bool Knows(string pledgeId) => _records.ContainsKey(pledgeId);

    public void Remember(LedgerRecord record)
    {
        var pledgeId = record.Pledge.PledgeId;
        if (!_records.ContainsKey(pledgeId))
        {
            _oldestFirst.Enqueue(pledgeId);
        }

        _records[pledgeId] = record;
        while (_records.Count > capacity)
        {
            _records.Remove(_oldestFirst.Dequeue());
        }
    }

    /// <summary>Forgets the records of every rehearsal run but <paramref name="run"/>: their figures are cleared; the ledger still knows the ids.</summary>
    public void ForgetRehearsalsBut(int run)
    {
        foreach (var (pledgeId, _) in _records.Where(r => r.Value.Pledge.Run is not EventDefinition.LiveRun && r.Value.Pledge.Run != run).ToList())
        {
            _records.Remove(pledgeId);
        }

        var kept = _oldestFirst.Where(_records.ContainsKey).ToList();
        _oldestFirst.Clear();
        foreach (var pledgeId in kept)
        {
            _oldestFirst.Enqueue(pledgeId);
        }
    }

    /// <summary>The send of this id that is waiting for a commit, if any.</summary>
    public PendingPledge? Waiting(string pledgeId) => _waiting.GetValueOrDefault(pledgeId);

    public void Wait(PendingPledge pledge) => _waiting[pledge.PledgeId] = pledge;

    public void Done(PendingPledge pledge) => _waiting.Remove(pledge.PledgeId);

    /// <summary>
    /// The answer to a send of an id the ledger holds: the first result, or 409 when the content differs;
    /// a pledge of a rehearsal that is over (not <paramref name="run"/>, not the real night's) is refused.
    /// </summary>
    public static PledgeOutcome Replay(LedgerRecord record, PledgeDraft draft, int run)
    {
        if (record.Pledge.Run != EventDefinition.LiveRun && record.Pledge.Run != run)
        {
            return PledgeOutcome.Rejected(PledgeOutcomeKind.RehearsalOver);
        }

        var pledge = record.Pledge.ToPledge(record.Void is null ? PledgeStatus.Confirmed : PledgeStatus.Voided);
        return pledge.Draft.SameContentAs(draft)
            ? new PledgeOutcome(PledgeOutcomeKind.Replayed, pledge)
            : PledgeOutcome.Rejected(PledgeOutcomeKind.Conflict);
    }

    /// <summary>Looks the ids up in the ledger, remembers what it holds, and returns it.</summary>
    public async Task<IReadOnlyDictionary<string, LedgerRecord>> LearnAsync(IPledgeLedger ledger, string eventId, IReadOnlyCollection<string> pledgeIds)
    {
        if (pledgeIds.Count == 0)
        {
            return new Dictionary<string, LedgerRecord>();
        }

        var found = await ledger.FindAsync(eventId, pledgeIds);
        foreach (var record in found.Values)
        {
            Remember(record);
        }

        return found;
    }
}
