namespace CharityDay.Server.Tests.Payments;

/// <summary>A clock the test moves by hand, for timestamps that must be judged old or in the future.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
