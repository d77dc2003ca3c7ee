namespace CharityDay.Server.Baselines;

/// <summary>The naive peer's single totals row, for the harness's correctness check.</summary>
public sealed record NaiveTotal(string EventId, long TotalFen, long PledgeCount);
