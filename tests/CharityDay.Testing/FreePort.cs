using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CharityDay.Testing;

/// <summary>
/// Loopback TCP ports nobody listens on right now, for a server to bind a moment later.
/// <list type="bullet">
/// <item>They lie below the kernel's ephemeral range (<c>ip_local_port_range</c>): a port from it, once
/// released, may become the local end of any outgoing connection (to PostgreSQL, Redis, another silo)
/// before the server binds it, and the server then fails with "Address already in use".</item>
/// <item>They lie outside the ranges <c>deploy/local-cluster.sh</c> picks from (24000–29999).</item>
/// <item>Orleans sets SO_REUSEADDR, so two silos on one port would not fail loudly: no port is handed out
/// twice by this process, and each process starts at its own random place, so that test processes
/// running side by side rarely try the same ones.</item>
/// </list>
/// </summary>
public static class FreePort
{
    private const int First = 10_000;
    private const int ClusterScriptFirst = 24_000;
    private const int FewestPorts = 1_000;
    private static readonly Lock Gate = new();
    // A host whose ephemeral range starts low (1024–65535) leaves no port clear of it: 10000–23999 then.
    private static readonly int End = EphemeralRangeStart() - First >= FewestPorts ? Math.Min(ClusterScriptFirst, EphemeralRangeStart()) : ClusterScriptFirst;
    private static int _next = First + Random.Shared.Next(End - First);
    private static int _probed;

    public static int Next() => Many(1)[0];

    /// <summary><paramref name="count"/> distinct ports, each free (nothing bound to it) when picked.</summary>
    public static int[] Many(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var ports = new int[count];
        lock (Gate)
        {
            for (var i = 0; i < count; i++)
            {
                ports[i] = NextFree();
            }
        }

        return ports;
    }

    /// <summary>The next port of the range that is free; each port is tried once in the process's life, so none is given twice.</summary>
    private static int NextFree()
    {
        while (_probed++ < End - First)
        {
            var port = _next;
            _next = _next + 1 < End ? _next + 1 : First;
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"FreePort has tried every port of {First}–{End - 1}: none is left for this process.");
    }

    /// <summary>Whether a listener can bind the port now, without SO_REUSEADDR (so a port in TIME_WAIT counts as taken).</summary>
    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.ExclusiveAddressUse = true;
            probe.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range; Linux's default when it cannot be read.</summary>
    public static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
