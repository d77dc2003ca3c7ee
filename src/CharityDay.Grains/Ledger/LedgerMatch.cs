namespace CharityDay.Grains.Ledger;

/// <summary>
/// What a ledger search matched over the whole real ledger, not one page: its pledge rows and its void
/// rows, each counted and summed (a void's amount as a positive sum of money taken back).
/// </summary>
public sealed record LedgerMatch(long PledgeCount, long PledgeFen, long VoidCount, long VoidFen);
