using System.Diagnostics;
using System.Runtime.Versioning;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The README's test command on a fresh machine: <c>./run-tests</c> sets itself up as root on Debian
/// and otherwise says exactly what to install. Its check mode (which never installs) shows what it
/// would ask for, here with the browser the browser tests drive made missing or present.
/// </summary>
[UnsupportedOSPlatform("windows")] // a bash script for Debian
public sealed class RunTestsCheckTests
{
    [Fact]
    public async Task The_check_names_a_missing_Chromium_and_the_command_that_installs_it()
    {
        var (exitCode, output) = await CheckAsync(chromium: "/nonexistent/chromium");

        Assert.True(exitCode != 0, "the check passed without a browser:\n" + output);
        Assert.Contains("/nonexistent/chromium", output, StringComparison.Ordinal);
        Assert.Matches(@"apt-get install -y [a-z0-9 -]*\bchromium\b", output);
    }

    [Fact]
    public async Task The_check_does_not_ask_for_Chromium_when_there_is_one()
    {
        var folder = Directory.CreateTempSubdirectory("charityday-chromium-").FullName;
        var chromium = Path.Combine(folder, "chromium");
        await File.WriteAllTextAsync(chromium, "#!/bin/sh\n");
        File.SetUnixFileMode(chromium, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (_, output) = await CheckAsync(chromium);

        Assert.DoesNotContain("chromium", output, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string chromium)
    {
        var start = new ProcessStartInfo(Path.Combine(ServerBuild.RepositoryRoot(), "run-tests"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--check" },
            Environment =
            {
                ["CHARITYDAY_CHROMIUM"] = chromium,
                // Not about PostgreSQL: a given database means the check does not look for its binaries.
                ["CHARITYDAY_TEST_POSTGRES"] = "Host=127.0.0.1;Port=1",
            },
        };
        using var script = Process.Start(start)!;
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await script.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException("./run-tests --check did not finish in 20 s (a check installs and runs nothing):\n" + await stdout);
        }

        return (script.ExitCode, await stdout + await stderr);
    }
}
