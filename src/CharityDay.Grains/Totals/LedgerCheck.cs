using CharityDay.Grains.Ledger;

namespace CharityDay.Grains.Totals;

/// <summary>
/// A desk acknowledges after its commit and reports to the total after that, so a node that dies
/// between the two leaves an acknowledged pledge in the ledger that the live total never heard of, and
/// a desk that gets no more pledges sends no newer report. Every <see cref="Period"/> the total grain
/// compares its desks with the ledger's positions: a desk found behind the ledger twice in a row (a
/// report merely in flight lands well within a period) is taken from the ledger.
/// </summary>
internal sealed class LedgerCheck
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private Dictionary<string, DeskTally> _behindLastTime = [];

    /// <summary>The ledger's tallies of the desks that were behind it at the last check and still are.</summary>
    public IReadOnlyList<(string DeskId, DeskTally Ledger)> StillBehind(IReadOnlyDictionary<string, DeskTally> ledger, IReadOnlyDictionary<string, DeskTally> known)
    {
        var behind = ledger.Where(desk => !known.TryGetValue(desk.Key, out var tally) || tally.LastSequence < desk.Value.LastSequence)
            .ToDictionary(desk => desk.Key, desk => desk.Value);
        var stillBehind = behind
            .Where(desk => _behindLastTime.TryGetValue(desk.Key, out var before)
                && (!known.TryGetValue(desk.Key, out var tally) || tally.LastSequence < before.LastSequence))
            .Select(desk => (desk.Key, desk.Value))
            .ToList();
        _behindLastTime = behind;
        return stillBehind;
    }
}
