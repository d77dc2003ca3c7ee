using System.Diagnostics;
using System.Globalization;

namespace CharityDay.LoadHarness.Run;

/// <summary>
/// Optional: <c>dotnet-counters collect</c> on the started server for the whole run (CPU, GC, thread
/// pool, Kestrel, and the ledger's commits and entries), written to the report folder and summed up.
/// </summary>
internal sealed class CountersRecorder : IAsyncDisposable
{
    private const string Providers = "System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel,CharityDay.Ledger";
    private readonly Process _process;

    private CountersRecorder(Process process, string csv)
    {
        _process = process;
        Csv = csv;
    }

    public string Csv { get; }

    public static CountersRecorder? Start(int processId, string folder)
    {
        var tool = new[] { Environment.GetEnvironmentVariable("PATH") ?? "" }
            .SelectMany(p => p.Split(':'))
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(dir => Path.Combine(dir, "dotnet-counters"))
            .FirstOrDefault(File.Exists);
        if (tool is null)
        {
            Console.WriteLine("  dotnet-counters not found: dotnet tool install -g dotnet-counters");
            return null;
        }

        var csv = Path.Combine(folder, "counters.csv");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--counters", Providers, "--format", "csv", "-o", csv, "--refresh-interval", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CountersRecorder(process, csv);
    }

    /// <summary>Averages and sums of the counters that say where the time went.</summary>
    public string Summarize()
    {
        if (!File.Exists(Csv))
        {
            return "no counters recorded";
        }

        var rows = File.ReadLines(Csv).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 5 && double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(cells => (Time: cells[0], Name: cells[2], Value: double.Parse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToList();
        var seconds = Math.Max(1, rows.Select(r => r.Time).Distinct().Count());
        double Sum(string prefix) => rows.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Value);
        var commits = Sum("charityday.ledger.commits");
        var entries = Sum("charityday.ledger.entries");
        return string.Create(CultureInfo.InvariantCulture,
            $"ledger commits {commits:F0}, entries {entries:F0}, average batch {(commits > 0 ? entries / commits : 0):F1}; " +
            $"server CPU {Sum("dotnet.process.cpu.time") / seconds:F2} cores on average over {seconds} s; " +
            $"GC pauses {Sum("dotnet.gc.pause.time"):F2} s in all; allocations {Sum("dotnet.gc.heap.total_allocated") / seconds / 1e6:F0} MB/s; " +
            $"lock contentions {Sum("dotnet.monitor.lock_contentions") / seconds:F0}/s");
    }

    private bool _stopped;

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_process.HasExited)
        {
            // Ctrl+C is how dotnet-counters is told to flush and stop.
            using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
