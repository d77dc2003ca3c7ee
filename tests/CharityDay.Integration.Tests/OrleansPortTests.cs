using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CharityDay.Integration.Tests;

/// <summary>
/// Orleans listens with SO_REUSEADDR/SO_REUSEPORT, so two servers on one machine would quietly share
/// the silo and gateway ports: the second must refuse to start and say which setting to change. A node
/// restarted at once after a crash must still get its own ports back.
/// </summary>
public sealed class OrleansPortTests : IDisposable
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(15);

    private readonly List<string> _folders = [];

    [Fact]
    public async Task A_second_server_on_the_silo_port_of_a_running_one_refuses_to_start()
    {
        var siloPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var first = Launch("--Orleans:SiloPort", siloPort);
        await first.WaitUntilReadyAsync();

        await using var second = Launch("--Orleans:SiloPort", siloPort);
        var clock = Stopwatch.StartNew();
        var exitCode = await second.WaitForExitAsync(Quickly);

        Assert.True(exitCode != 0, "the second server exited with 0:\n" + second.Output);
        Assert.Contains($"Orleans:SiloPort {siloPort}", second.Output, StringComparison.Ordinal);
        Assert.Contains("--Orleans:SiloPort", second.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
        using var client = first.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/events/readiness-probe")).StatusCode);
    }

    [Fact]
    public async Task A_server_whose_gateway_port_another_process_holds_refuses_to_start()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var gatewayPort = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        await using var server = Launch("--Orleans:GatewayPort", gatewayPort);
        var exitCode = await server.WaitForExitAsync(Quickly);

        Assert.True(exitCode != 0, "the server exited with 0:\n" + server.Output);
        Assert.Contains($"Orleans:GatewayPort {gatewayPort}", server.Output, StringComparison.Ordinal);
        Assert.Contains("--Orleans:GatewayPort", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_restarted_right_after_a_crash_gets_its_port_back()
    {
        var siloPort = await LeaveTimeWaitAsync();
        Assert.True(await TimeWaitAsync(siloPort), $"no TIME_WAIT connection on port {siloPort}: the test would prove nothing");

        await using var restarted = Launch("--Orleans:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture));
        await restarted.WaitUntilReadyAsync();
    }

    /// <summary>
    /// What a silo killed a moment ago leaves on its port: a connection it closed first, in TIME_WAIT for
    /// a minute, from a listener with the options Orleans sets (.NET's ReuseAddress); the listener is gone.
    /// </summary>
    private static async Task<int> LeaveTimeWaitAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        using (var accepted = await listener.AcceptAsync())
        {
            accepted.Shutdown(SocketShutdown.Both);
        }

        while (await client.GetStream().ReadAsync(new byte[16]) > 0)
        {
        }

        return port;
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private ServerProcess Launch(params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("charityday-ports-").FullName;
        _folders.Add(folder);
        return ServerProcess.Launch(new ServerProcessOptions { DataDirectory = folder, Arguments = settings });
    }

    /// <summary>Whether the kernel holds a TIME_WAIT connection on the local <paramref name="port"/> (Linux /proc/net/tcp, state 06).</summary>
    private static async Task<bool> TimeWaitAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var local = $":{port:X4}";
        do
        {
            var lines = await File.ReadAllLinesAsync("/proc/net/tcp");
            if (lines.Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(f => f[1].EndsWith(local, StringComparison.Ordinal) && f[3] == "06"))
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }
}
