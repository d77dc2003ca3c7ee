using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace CharityDay.LoadHarness.Target;

/// <summary>
/// A server the harness starts itself: the Release build on loopback, free ports for HTTP and the
/// silo, a throw-away data folder and admin key, optionally PostgreSQL. Stopped (SIGTERM, then kill)
/// and cleaned up when disposed, so the harness never leaves it running.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, StreamWriter log, string dataDirectory, ServerEndpoint endpoint)
    {
        _process = process;
        _log = log;
        _dataDirectory = dataDirectory;
        Endpoint = endpoint;
        // Ctrl+C or a crash of the harness must not leave the server behind.
        Console.CancelKeyPress += KillOnExit;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        AppDomain.CurrentDomain.UnhandledException += KillOnExit;
    }

    public ServerEndpoint Endpoint { get; }

    public static async Task<ServerProcess> StartAsync(string serverDll, string? postgres, bool baselines, IReadOnlyList<string> extraArguments, string logPath)
    {
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException(
                "Build the server first: dotnet build src/CharityDay.Server -c Release -p:SkipStageDisplay=true", serverDll);
        }

        var port = FreePort.Next();
        var adminKey = "load-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var dataDirectory = Directory.CreateTempSubdirectory("charityday-load.").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDirectory };
        string[] arguments =
        [
            serverDll, "--urls", $"http://127.0.0.1:{port}",
            "--CharityDay:AdminKey", adminKey, "--CharityDay:SeedDemoEvent", "false", "--CharityDay:DataDirectory", dataDirectory,
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning", "--CharityDay:Baselines:Enabled", baselines ? "true" : "false",
        ];
        foreach (var argument in arguments.Concat(postgres is null ? [] : ["--ConnectionStrings:Postgres", postgres]).Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, dataDirectory,
            new ServerEndpoint(new Uri($"http://127.0.0.1:{port}"), adminKey, postgres is null ? "sqlite" : "postgres", process.Id));
        try
        {
            await server.WaitUntilReadyAsync(logPath);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Console.CancelKeyPress -= KillOnExit;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        AppDomain.CurrentDomain.UnhandledException -= KillOnExit;
        if (!_process.HasExited)
        {
            // SIGTERM first so the silo and the database pools shut down cleanly.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing the run over.
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilReadyAsync(string logPath)
    {
        using var client = new HttpClient { BaseAddress = Endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited during start-up (code {_process.ExitCode}); see {logPath}.");
            }

            try
            {
                // Any answer from the API (a 404 problem for an unknown event) means Kestrel and the silo are up.
                using var response = await client.GetAsync("/api/events/load-readiness-probe");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not ready within 90 s; see {logPath}.");
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a server being stopped after its log closed.
            }
        }
    }
}
