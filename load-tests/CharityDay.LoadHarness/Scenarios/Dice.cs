namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Deterministic draws for the n-th pledge of a run (SplitMix64 over seed and n), so the same seed
/// gives every phase the same amounts and the same duplicate retries, whichever thread sends them.
/// </summary>
internal struct Dice(int seed, long n)
{
    private ulong _state = unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)n * 0xBF58476D1CE4E5B9UL));

    public double Next()
    {
        var z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (z ^ (z >> 31)) / (double)ulong.MaxValue;
    }

    public int Below(int bound) => Math.Min((int)(Next() * bound), bound - 1);
}
