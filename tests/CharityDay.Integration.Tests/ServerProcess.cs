using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The real server as a separate process (Kestrel + silo), on loopback, so a test can kill it with
/// SIGKILL and start it again on the same storage.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminKey = "integration-admin-key-0123456789";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server; pass the <paramref name="port"/> of a killed one to come back where browsers expect it.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string? postgres, int? port = null)
    {
        var server = Launch(BuildOutputAssembly(), workingDirectory: dataDirectory, dataDirectory, postgres, port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>
    /// Starts <paramref name="serverAssembly"/> (a build or publish output) in <paramref name="workingDirectory"/>
    /// without waiting for it; <paramref name="dataDirectory"/> null leaves the server's default. Later
    /// <paramref name="settings"/> (<c>--Key value</c> pairs) override the ones given here.
    /// </summary>
    internal static ServerProcess Launch(string serverAssembly, string workingDirectory, string? dataDirectory, string? postgres,
        int? port = null, params string[] settings)
    {
        port ??= FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        string[] arguments =
        [
            serverAssembly, "--urls", $"http://127.0.0.1:{port}",
            "--CharityDay:AdminKey", AdminKey, "--CharityDay:SeedDemoEvent", "false",
            "--Orleans:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture),
            .. dataDirectory is null ? [] : new[] { "--CharityDay:DataDirectory", dataDirectory },
            .. postgres is null ? [] : new[] { "--ConnectionStrings:Postgres", postgres },
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
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

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut to the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops it: the host shuts down and its logs are flushed.</summary>
    internal async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The exit code, once the process and its output have ended; throws if that takes longer than <paramref name="within"/>.</summary>
    internal async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not exit within {within.TotalSeconds} s:\n" + Output);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    internal async Task WaitUntilReadyAsync()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited during start-up (exit code {_process.ExitCode}):\n" + Output);
            }

            try
            {
                if ((await client.GetAsync("/api/events/readiness-probe")).StatusCode == HttpStatusCode.NotFound)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not become ready in 90 s:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The build configuration of these tests (Release or Debug), which is also the server build's.</summary>
    internal static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CharityDay.slnx")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>The server build of the same configuration as this test build.</summary>
    internal static string BuildOutputAssembly()
    {
        var targetFramework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(RepositoryRoot(), "src", "CharityDay.Server", "bin", BuildConfiguration, targetFramework, "CharityDay.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first.", path);
    }
}
