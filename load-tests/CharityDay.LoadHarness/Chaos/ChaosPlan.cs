namespace CharityDay.LoadHarness.Chaos;

/// <summary>The <c>--chaos</c> plan: its faults in time order, parsed and checked before anything runs.</summary>
internal static class ChaosPlan
{
    public static IReadOnlyList<ChaosFault> Parse(string text, int nodes) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => ChaosFault.Parse(item, nodes))
            .OrderBy(fault => fault.At)];

    /// <summary>Every fault must start while the load still runs: one after its end would never happen.</summary>
    public static void CheckFits(IReadOnlyList<ChaosFault> faults, double measuredSeconds)
    {
        if (faults.FirstOrDefault(f => f.At.TotalSeconds >= measuredSeconds) is { } late)
        {
            throw new ArgumentException(
                $"--chaos: {late} starts after the measured run ({measuredSeconds:0.#} s); make --duration longer or the fault earlier.");
        }
    }
}
