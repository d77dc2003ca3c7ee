using System.Net;

namespace CharityDay.LoadHarness.Target;

/// <summary>The harness sends traffic to this machine only: any other address is refused before a byte leaves.</summary>
internal static class Loopback
{
    public static bool IsLoopbackHost(string host)
    {
        host = host.Trim().Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    public static Uri RequireLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{url}' is not an http(s) URL.");
        }

        return IsLoopbackHost(uri.Host)
            ? uri
            : throw new ArgumentException($"Refusing {uri.Host}: the harness only targets loopback (127.0.0.0/8, ::1, localhost).");
    }

    /// <summary>A PostgreSQL connection string's Host must be loopback too (or a Unix socket folder).</summary>
    public static string RequireLoopbackPostgres(string connectionString)
    {
        var hosts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim().ToLowerInvariant() is "host" or "server")
            .SelectMany(pair => pair[1].Split(','))
            .Select(host => host.Split(':')[0].Trim())
            .ToList();
        if (hosts.Count == 0 || hosts.Any(host => !host.StartsWith('/') && !IsLoopbackHost(host)))
        {
            throw new ArgumentException("Refusing the PostgreSQL connection string: its Host must be 127.0.0.1, ::1, localhost or a socket folder.");
        }

        return connectionString;
    }
}
