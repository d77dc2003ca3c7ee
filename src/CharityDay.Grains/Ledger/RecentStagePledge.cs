namespace CharityDay.Grains.Ledger;

/// <summary>A stage pledge another desk (or this one) recorded a moment ago.</summary>
public sealed record RecentStagePledge(string PledgeId, string DeskId, string DonorName, long AmountFen, DateTimeOffset RecordedAt);
