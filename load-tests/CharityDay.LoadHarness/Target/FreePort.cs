using System.Net;
using System.Net.Sockets;

namespace CharityDay.LoadHarness.Target;

/// <summary>A port nobody listens on right now (Orleans sets SO_REUSEADDR, so a clash would not fail loudly).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
