using System.Globalization;

namespace CharityDay.Testing;

/// <summary>
/// What <c>deploy/local-cluster.sh</c> wrote to <c>DIR/cluster.env</c> (<c>KEY='value'</c> lines):
/// every PID and port, the URLs, the admin key, the connection strings and the demo desks' codes.
/// </summary>
public sealed class LocalClusterState
{
    private readonly Dictionary<string, string> _values;

    private LocalClusterState(Dictionary<string, string> values) => _values = values;

    public static LocalClusterState Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            values[line[..equals]] = line[(equals + 1)..].Trim('\'');
        }

        return new LocalClusterState(values);
    }

    /// <summary>Every key of the state file, for what the typed properties do not cover.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public Uri BalancerUrl => new(this["BALANCER_URL"]);

    /// <summary>HAProxy's statistics page (<c>/;csv</c> for the CSV).</summary>
    public Uri BalancerStatsUrl => new($"http://127.0.0.1:{this["HAPROXY_STATS_PORT"]}/");

    public string AdminKey => this["ADMIN_KEY"];

    /// <summary>The Npgsql connection string of the cluster's database (with its password).</summary>
    public string Postgres => this["POSTGRES"];

    /// <summary>The StackExchange.Redis connection string of the cluster's Redis (with its password).</summary>
    public string Redis => this["REDIS"];

    public int PostgresPort => Number("PG_PORT")!.Value;

    public int RedisPort => Number("REDIS_PORT")!.Value;

    public int? PostgresProcessId => Number("PG_PID");

    public int? RedisProcessId => Number("REDIS_PID");

    public int? BalancerProcessId => Number("HAPROXY_PID");

    /// <summary>The demo event's desks: desk id → access code.</summary>
    public IReadOnlyDictionary<string, string> DemoDeskCodes =>
        this["DEMO_DESKS"].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    public IReadOnlyList<LocalClusterNode> Nodes =>
        [.. Enumerable.Range(1, Number("NODES")!.Value).Select(n => new LocalClusterNode(
            n,
            new Uri(this[$"NODE_{n}_URL"]),
            Number($"NODE_{n}_PORT")!.Value,
            Number($"NODE_{n}_SILO_PORT")!.Value,
            Number($"NODE_{n}_GATEWAY_PORT")!.Value,
            Number($"NODE_{n}_PID"),
            this[$"NODE_{n}_DIR"]))];

    public string this[string key] =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The cluster state has no {key}.");

    private int? Number(string key) =>
        _values.TryGetValue(key, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
