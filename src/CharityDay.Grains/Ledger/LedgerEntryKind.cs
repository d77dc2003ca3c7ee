namespace CharityDay.Grains.Ledger;

/// <summary>A ledger row either records a pledge or voids one; nothing is ever edited.</summary>
public enum LedgerEntryKind
{
    Pledge = 0,
    Void = 1,
}
