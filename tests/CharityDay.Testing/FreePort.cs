using System.Net;
using System.Net.Sockets;

namespace CharityDay.Testing;

/// <summary>
/// Loopback TCP ports nobody listens on right now. Orleans sets SO_REUSEADDR, so two silos on one
/// port would not fail loudly: every server gets its own, and no port is handed out twice by this
/// process even when the kernel would offer it again.
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    public static int Next() => Many(1)[0];

    /// <summary><paramref name="count"/> distinct free ports, all held open together while they are picked.</summary>
    public static int[] Many(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var held = new List<TcpListener>();
        try
        {
            var ports = new List<int>(count);
            lock (Given)
            {
                while (ports.Count < count)
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start();
                    held.Add(listener);
                    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    if (Given.Add(port))
                    {
                        ports.Add(port);
                    }
                }
            }

            return [.. ports];
        }
        finally
        {
            foreach (var listener in held)
            {
                listener.Dispose();
            }
        }
    }
}
