namespace CharityDay.LoadHarness.Measure;

/// <summary>What the harness knows of one pledge id after all its sends: acknowledged, refused, or still unknown (a 503 or a timeout).</summary>
internal enum PledgeFate
{
    Pending = 0,
    Acknowledged = 1,
    Refused = 2,
    Unknown = 3,
}
