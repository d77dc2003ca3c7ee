using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The load harness (load-tests/) as a separate process against the local cluster, with a chaos plan:
/// the fault tests' traffic, faults and correctness check, read back from its <c>summary.json</c>.
/// </summary>
internal sealed class HarnessRun
{
    private HarnessRun(int exitCode, string output, JsonElement summary)
    {
        ExitCode = exitCode;
        Output = output;
        Summary = summary;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public JsonElement Summary { get; }

    public IEnumerable<JsonElement> Checks => Summary.GetProperty("checks").EnumerateArray();

    public IEnumerable<JsonElement> Faults => Summary.GetProperty("faults").EnumerateArray();

    public IEnumerable<JsonElement> FailedChecks => Checks.Where(check => !check.GetProperty("passed").GetBoolean());

    /// <summary>Runs the harness against the cluster in <paramref name="clusterDirectory"/> and waits for it.</summary>
    public static async Task<HarnessRun> RunAsync(string clusterDirectory, string reports, params string[] arguments)
    {
        var harness = Path.Combine(ServerBuild.RepositoryRoot(), "load-tests", "CharityDay.LoadHarness", "bin", ServerBuild.Configuration, "net10.0", "CharityDay.LoadHarness.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { harness, "--cluster", clusterDirectory, "--reports", reports }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the harness ran for more than 5 minutes:\n{output}");
        }

        var summaryFile = Directory.EnumerateFiles(reports, "summary.json", SearchOption.AllDirectories).OrderBy(File.GetLastWriteTimeUtc).LastOrDefault()
            ?? throw new InvalidOperationException($"the harness wrote no summary.json (exit {process.ExitCode}):\n{output}");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile));
        lock (output)
        {
            return new HarnessRun(process.ExitCode, output.ToString(), summary.RootElement.Clone());
        }
    }

    /// <summary>Every check with its detail, failed ones first, for the test's output.</summary>
    public string Describe() => string.Join(Environment.NewLine, Checks
        .OrderBy(check => check.GetProperty("passed").GetBoolean())
        .Select(check => $"{(check.GetProperty("passed").GetBoolean() ? "pass" : "FAIL")} {check.GetProperty("name").GetString()}: {check.GetProperty("detail").GetString()}"));
}
