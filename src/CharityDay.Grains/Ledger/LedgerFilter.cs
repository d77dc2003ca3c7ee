using CharityDay.Contracts;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// What the admin's ledger search narrows the page to; every part is optional. <see cref="Name"/> is a
/// case-insensitive substring of the donor name; the amount range is over the row's absolute amount (a void's
/// row shows with its pledge); the time range is inclusive, over the moment the row was recorded.
/// </summary>
public sealed record LedgerFilter(
    string? Name = null,
    string? DeskId = null,
    PledgeChannel? Channel = null,
    long? MinFen = null,
    long? MaxFen = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public static readonly LedgerFilter None = new();
}
