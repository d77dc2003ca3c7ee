using Microsoft.Extensions.Time.Testing;

namespace CharityDay.Grains.Tests;

/// <summary>A silo of its own whose clock moves only when a test advances it: timing rules are asserted exactly.</summary>
public sealed class FakeClockCluster() : CharityCluster(new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 19, 30, 0, TimeSpan.FromHours(8))))
{
    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;
}
