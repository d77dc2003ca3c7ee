namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// What <see cref="HubRecordReader"/> takes from one hub protocol record: its type, whether it is a
/// <c>total</c> push, an error, and the totals of the push or of the completion's snapshot.
/// </summary>
internal readonly record struct HubRecord(
    int Type,
    bool IsTotalPush,
    bool HasError,
    bool AllowReconnect,
    bool HasTotals,
    long Version,
    long TotalFen,
    long PledgeCount);
