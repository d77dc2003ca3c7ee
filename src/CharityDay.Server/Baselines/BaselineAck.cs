namespace CharityDay.Server.Baselines;

/// <summary>The small answer both baselines give instead of the real route's full pledge view.</summary>
public sealed record BaselineAck(string PledgeId, string Baseline, bool Recorded);
