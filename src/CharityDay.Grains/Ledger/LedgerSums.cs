namespace CharityDay.Grains.Ledger;

/// <summary>An event's ledger totals, for the audit: confirmed pledges minus voids.</summary>
public sealed record LedgerSums(long TotalFen, long PledgeCount, long EntryCount);
