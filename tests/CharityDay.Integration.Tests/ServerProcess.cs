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
        port ??= FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[]
        {
            ServerAssembly(), "--urls", $"http://127.0.0.1:{port}",
            "--CharityDay:DataDirectory", dataDirectory, "--CharityDay:AdminKey", AdminKey, "--CharityDay:SeedDemoEvent", "false",
            "--Orleans:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (postgres is not null)
        {
            start.ArgumentList.Add("--ConnectionStrings:Postgres");
            start.ArgumentList.Add(postgres);
        }

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The server exited during start-up:\n" + Output);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server build of the same configuration as this test build.</summary>
    private static string ServerAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CharityDay.slnx")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."),
            "src", "CharityDay.Server", "bin", configuration, testOutput.Name, "CharityDay.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first.", path);
    }
}
