namespace CharityDay.Contracts;

/// <summary>Who gives: the screens and the ledger group donors by kind.</summary>
public enum DonorKind
{
    Enterprise = 0,
    Organization = 1,
    Individual = 2,
}
