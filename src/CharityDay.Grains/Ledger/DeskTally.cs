namespace CharityDay.Grains.Ledger;

/// <summary>A desk's position as the ledger holds it: what a desk grain starts from.</summary>
public sealed record DeskTally(long SubtotalFen, long PledgeCount, long LastSequence);
