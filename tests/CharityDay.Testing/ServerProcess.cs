using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace CharityDay.Testing;

/// <summary>
/// The real server (Kestrel + silo) as a separate <c>dotnet</c> process on loopback, so a test can
/// SIGKILL it like a power cut, SIGTERM it like a service manager, and start it again on the same
/// ports and storage. Whatever happens to the program using it, the server does not outlive it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The admin key of servers started without another one.</summary>
    public const string TestAdminKey = "integration-admin-key-0123456789";

    private readonly ProcessOutput _output;
    private Process _process;

    private ServerProcess(ServerProcessOptions options)
    {
        Options = options;
        _output = new ProcessOutput(options.LogPath);
        _process = StartProcess();
    }

    /// <summary>The options with every port filled in: what a restart starts again.</summary>
    public ServerProcessOptions Options { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Port => Options.Port!.Value;

    public string AdminKey => Options.AdminKey;

    /// <summary>The current process; a new one after each restart.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the server wrote to stdout and stderr, across restarts.</summary>
    public string Output => _output.Text;

    /// <summary>Starts the build output on <paramref name="dataDirectory"/>; pass the <paramref name="port"/> of a killed server to come back where clients expect it.</summary>
    public static Task<ServerProcess> StartAsync(string dataDirectory, string? postgres, int? port = null) =>
        StartAsync(new ServerProcessOptions { DataDirectory = dataDirectory, Postgres = postgres, Port = port });

    /// <summary>Starts the server and waits until it is ready; a server that does not get there is killed.</summary>
    public static async Task<ServerProcess> StartAsync(ServerProcessOptions options)
    {
        var server = Launch(options);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server without waiting for it (to watch it refuse to start, say).</summary>
    public static ServerProcess Launch(ServerProcessOptions options)
    {
        var ports = FreePort.Many(3);
        return new ServerProcess(options with
        {
            Assembly = options.Assembly ?? ServerBuild.OutputAssembly(),
            Port = options.Port ?? ports[0],
            SiloPort = options.SiloPort ?? ports[1],
            GatewayPort = options.GatewayPort ?? ports[2],
        });
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Polls <see cref="ServerProcessOptions.ReadyPath"/> until it answers as expected; throws if the server exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Options.StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited during start-up (exit code {_process.ExitCode}):\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(Options.ReadyPath);
                if (response.StatusCode == Options.ReadyStatus)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or starting slowly.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not ready within {Options.StartTimeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut to the process.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await _process.WaitForExitAsync();
        Forget();
    }

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code once the process and its output have ended.</summary>
    public async Task<int> StopAsync(TimeSpan? within = null)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(within ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The exit code, once the process and its output have ended; throws if that takes longer than <paramref name="within"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not exit within {within.TotalSeconds} s:\n{Output}");
        }

        Forget();
        return _process.ExitCode;
    }

    /// <summary>
    /// Stops the server (SIGTERM, or SIGKILL with <paramref name="kill"/>) unless it already stopped, then
    /// starts it again on the same ports, settings and storage and waits until it is ready.
    /// </summary>
    public async Task RestartAsync(bool kill = false)
    {
        if (kill)
        {
            await KillAsync();
        }

        var exitCode = await StopAsync();
        _process.Dispose();
        _output.Append($"--- restarting (the previous process exited with {exitCode}) ---");
        _process = StartProcess();
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && Options.GraceOnDispose > TimeSpan.Zero)
        {
            try
            {
                await StopAsync(Options.GraceOnDispose);
            }
            catch (TimeoutException)
            {
                // Killed below.
            }
        }

        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Forget();
        _process.Dispose();
        _output.Dispose();
        if (Options.DeleteDataDirectoryOnDispose && Options.DataDirectory is { } folder && Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing over.
            }
        }
    }

    private Process StartProcess()
    {
        var process = Process.Start(ServerCommand.For(Options)) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => _output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        OrphanGuard.Watch(process);
        return process;
    }

    private void Forget() => OrphanGuard.Forget(_process);
}
