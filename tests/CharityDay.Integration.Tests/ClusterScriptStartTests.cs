using System.Diagnostics;
using System.Runtime.Versioning;

namespace CharityDay.Integration.Tests;

/// <summary>
/// <c>deploy/local-cluster.sh</c> starts Redis, HAProxy and the nodes in the background and then asks
/// whether each is alive by its command line. Until the forked shell has called exec, that command
/// line is still the script's own, so a check made too soon called a starting HAProxy dead ("HAProxy
/// did not come up", with an empty log). <c>wait_exec</c> waits for the exec.
/// </summary>
[UnsupportedOSPlatform("windows")] // bash scripts for Debian
public sealed class ClusterScriptStartTests
{
    [Fact]
    public async Task A_program_whose_exec_comes_late_is_alive_once_the_script_has_waited_for_it()
    {
        var output = await RunAsync("""
            ( sleep 0.5; exec "$PROGRAM" 30 ) </dev/null >/dev/null 2>&1 &
            pid=$!
            wait_exec "$pid" "$PROGRAM"
            if alive "$pid" "$PROGRAM"; then echo alive; else echo dead; fi
            kill "$pid"
            """);

        Assert.Equal("alive", output);
    }

    [Fact]
    public async Task A_start_that_fails_at_once_is_not_waited_for_and_is_dead()
    {
        // The exec fails, so the process never shows the program's name and is gone at once.
        var output = await RunAsync("""
            ( exec /nonexistent/"$PROGRAM" ) </dev/null >/dev/null 2>&1 &
            pid=$!
            started=$SECONDS
            wait_exec "$pid" "$PROGRAM"
            if alive "$pid" "$PROGRAM"; then echo alive; else echo "dead after $((SECONDS - started)) s"; fi
            """);

        Assert.Matches("^dead after [0-3] s$", output);
    }

    /// <summary>Runs <paramref name="body"/> in bash with deploy/lib/common.sh sourced and $PROGRAM = sleep.</summary>
    private static async Task<string> RunAsync(string body)
    {
        // From a file, so the script's command line (which the forked shell shows until its exec) does
        // not hold the program's name.
        var folder = Directory.CreateTempSubdirectory("charityday-script-");
        try
        {
            var script = Path.Combine(folder.FullName, "start.sh");
            var common = Path.Combine(ServerBuild.RepositoryRoot(), "deploy", "lib", "common.sh");
            await File.WriteAllTextAsync(script, $"set -euo pipefail\n. '{common}'\n{body}\n");
            var start = new ProcessStartInfo("bash") { ArgumentList = { script }, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["PROGRAM"] = "sleep";
            using var bash = Process.Start(start)!;
            var stdout = bash.StandardOutput.ReadToEndAsync();
            var stderr = bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(bash.ExitCode == 0, $"the script failed (exit {bash.ExitCode}): {await stderr}");
            return (await stdout).Trim();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
