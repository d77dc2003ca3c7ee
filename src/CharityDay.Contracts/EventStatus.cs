namespace CharityDay.Contracts;

/// <summary>
/// Lifecycle of a charity event: pledges are taken while it is live, and while it is in rehearsal into
/// a rehearsal run of the ledger that no real total counts (draft → rehearsal → reset to draft → live).
/// </summary>
public enum EventStatus
{
    Draft = 0,
    Live = 1,
    Closed = 2,
    Rehearsal = 3,
}
