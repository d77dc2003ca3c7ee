using System.Diagnostics.Metrics;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// Meter <c>CharityDay.Ledger</c>: how many group commits the desks make and how many entries they carry,
/// so the average batch is entries ÷ commits (watch with <c>dotnet-counters monitor -n CharityDay.Server
/// --counters CharityDay.Ledger</c>).
/// </summary>
internal static class LedgerMetrics
{
    private static readonly Meter Meter = new("CharityDay.Ledger");

    public static readonly Counter<long> Commits = Meter.CreateCounter<long>("charityday.ledger.commits", description: "Ledger transactions written by desk grains");

    public static readonly Counter<long> Entries = Meter.CreateCounter<long>("charityday.ledger.entries", description: "Ledger entries written by desk grains");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("charityday.ledger.batch_size", description: "Entries per group commit");
}
