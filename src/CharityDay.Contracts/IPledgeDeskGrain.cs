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

    Task<DeskReport> GetReportAsync();

    /// <summary>
    /// The event grain tells its desks when the status or the desk list changed, and waits for them,
    /// so no pledge is admitted on the old definition once a close has been answered.
    /// </summary>
    Task EventChangedAsync(EventDefinition definition);
}
