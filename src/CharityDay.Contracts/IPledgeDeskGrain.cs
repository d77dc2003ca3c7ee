namespace CharityDay.Contracts;

/// <summary>
/// Keyed <c>{event}/{desk}</c>: one per stage desk and one per online shard. Dedupes by pledge id,
/// group-commits the pledges waiting on it into one ledger transaction, acknowledges only after the
/// commit, and reports its absolute subtotal to the event's total grain.
/// </summary>
public interface IPledgeDeskGrain : IGrainWithStringKey
{
    Task<PledgeOutcome> RecordAsync(PledgeDraft draft);

    Task<VoidOutcome> VoidAsync(string pledgeId, string reason, string voidedBy);

    /// <summary>
    /// The event grain tells its desks when the status or the desk list changed, and waits for them.
    /// When pledges stop being admitted (a close), this returns only after every batch admitted before
    /// it is written or refused, so no pledge is acknowledged after the close is answered.
    /// </summary>
    Task EventChangedAsync(EventDefinition definition);

    /// <summary>
    /// The event as this desk holds it (kept current by <see cref="EventChangedAsync"/>): what an online
    /// order checks before the donor pays, without a call to the event grain.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<EventDefinition?> EventAsync();
}
