using System.Net;
using System.Net.Sockets;

namespace CharityDay.Server.Hosting;

/// <summary>
/// The client a request counts against: its address after the forwarded-headers middleware (the
/// balancer's <c>X-Forwarded-For</c>, believed only from a trusted proxy). An IPv6 client counts by its
/// /64, the prefix one subscriber gets, so rotating through its own addresses buys no fresh allowance.
/// </summary>
public static class ClientAddress
{
    public static string PartitionKey(HttpContext context) => PartitionKey(context.Connection.RemoteIpAddress);

    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>An address (a network of one) or a network such as <c>127.0.0.0/8</c>.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
