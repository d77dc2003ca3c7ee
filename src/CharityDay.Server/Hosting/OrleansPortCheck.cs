using System.Net;
using System.Net.Sockets;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Orleans listens with SO_REUSEADDR and SO_REUSEPORT (what .NET's ReuseAddress sets on Linux), so a
/// second server on the same machine and ports starts without an error and the kernel deals the
/// connections out between the two. Before the silo is configured, a plain socket binds each port: .NET
/// binds it with SO_REUSEADDR alone, which the kernel refuses while any other socket listens there and
/// allows over the TIME_WAIT connections a node killed a moment ago leaves, so a restart is not refused.
/// </summary>
internal static class OrleansPortCheck
{
    /// <summary>Throws, naming the setting to change, when another process listens on the silo or gateway port.</summary>
    /// <param name="options">The silo and gateway ports.</param>
    /// <param name="address">Where the silo listens: loopback for a single node, the advertised address in a cluster.</param>
    public static void EnsureFree(OrleansOptions options, IPAddress address)
    {
        EnsureFree(nameof(OrleansOptions.SiloPort), address, options.SiloPort);
        EnsureFree(nameof(OrleansOptions.GatewayPort), address, options.GatewayPort);
    }

    private static void EnsureFree(string setting, IPAddress address, int port)
    {
        if (port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            return; // out of range: the options validation says so
        }

        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw new InvalidOperationException(
                $"Orleans:AdvertisedIPAddress {address} is not an address of this machine, so the silo cannot listen on it (port {port}).", e);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var other = port == IPEndPoint.MaxPort ? port - 1 : port + 1;
            throw new InvalidOperationException(
                $"Orleans:{setting} {port} on {address} is in use by another process (another Charity Day server on this machine?). " +
                "Orleans would share the port with it without an error, so this server does not start. " +
                $"Give each server its own ports, e.g. --Orleans:{setting} {other} (or Orleans__{setting}={other}).", e);
        }
    }
}
