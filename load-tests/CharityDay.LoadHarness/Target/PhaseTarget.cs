namespace CharityDay.LoadHarness.Target;

/// <summary>
/// Which implementation a phase drives with the identical load: the real pledge routes, the no-op
/// ceiling, or the naive one-row-update peer (both served by the same server build when enabled).
/// </summary>
internal sealed record PhaseTarget(string Name, string PathPrefix, bool KeepsState, bool HasLiveTotal)
{
    public static readonly PhaseTarget Real = new("real", "/api/events/", KeepsState: true, HasLiveTotal: true);
    public static readonly PhaseTarget Ceiling = new("ceiling", "/api/baselines/ceiling/events/", KeepsState: false, HasLiveTotal: false);
    public static readonly PhaseTarget Naive = new("naive", "/api/baselines/naive/events/", KeepsState: true, HasLiveTotal: false);

    /// <summary>The real routes take online money only when paid: a donation is an order and a payment. The baselines record it directly.</summary>
    public bool KeepsPayments => this == Real;

    public string PledgesPath(string eventId) => PathPrefix + eventId + "/pledges";

    public string DonationsPath(string eventId) => PathPrefix + eventId + "/donations";
}
