using System.Net;
using System.Net.Sockets;

namespace CharityDay.Server.Tests;

/// <summary>Orleans sets SO_REUSEADDR, so two silos on one port would not fail loudly: every host gets its own.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
