using System.ComponentModel;
using System.Diagnostics;

namespace CharityDay.Testing;

/// <summary>
/// Kills the child processes still running when the program using this library ends (Ctrl+C, a
/// crash, the end of a test run), so no server outlives it.
/// </summary>
internal static class OrphanGuard
{
    private static readonly HashSet<Process> Running = [];

    static OrphanGuard()
    {
        Console.CancelKeyPress += (_, _) => KillAll();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    public static void Watch(Process process)
    {
        lock (Running)
        {
            Running.Add(process);
        }
    }

    public static void Forget(Process process)
    {
        lock (Running)
        {
            Running.Remove(process);
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception error) when (error is InvalidOperationException or Win32Exception)
                {
                    // Already gone.
                }
            }

            Running.Clear();
        }
    }
}
