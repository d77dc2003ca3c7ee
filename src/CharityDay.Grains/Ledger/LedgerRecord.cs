namespace CharityDay.Grains.Ledger;

/// <summary>A pledge's ledger rows: the pledge itself and its void, if any.</summary>
public sealed record LedgerRecord(LedgerEntry Pledge, LedgerEntry? Void);
