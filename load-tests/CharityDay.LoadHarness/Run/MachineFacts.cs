namespace CharityDay.LoadHarness.Run;

/// <summary>The machine's state beside every figure: on a shared 2-core box the load average says how noisy it is.</summary>
internal static class MachineFacts
{
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {CpuModel()}";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "cpu n/a";
        }
        catch (IOException)
        {
            return "cpu n/a";
        }
    }
}
