using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>
/// A desk's absolute position, sent to the total grain after each commit, with the pledges and voids
/// that commit wrote so the screens can name them. Absolute, with a sequence that only grows, so a
/// duplicate or late report changes nothing; the total rebuilds the same positions from the ledger.
/// <see cref="Run"/> is the ledger run the subtotal counts: a rehearsal's report that arrives after its
/// reset is not taken into the real total.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeskReport(
    [property: Id(0)] string DeskId,
    [property: Id(1)] PledgeChannel Channel,
    [property: Id(2)] long SubtotalFen,
    [property: Id(3)] long PledgeCount,
    [property: Id(4)] long Sequence,
    [property: Id(5)] ImmutableArray<FeedItem> NewPledges,
    [property: Id(6)] ImmutableArray<string> VoidedPledgeIds,
    [property: Id(7)] int Run = EventDefinition.LiveRun);
