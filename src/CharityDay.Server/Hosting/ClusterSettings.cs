namespace CharityDay.Server.Hosting;

/// <summary>
/// Whether this node is one of several: with <c>ConnectionStrings:Redis</c> set (and PostgreSQL, which
/// every node shares) the silos find each other in Redis; without it the node is a cluster of one.
/// </summary>
public sealed record ClusterSettings(string? RedisConnectionString)
{
    public const string RedisConnectionName = "Redis";

    public bool IsCluster => RedisConnectionString is not null;

    public static ClusterSettings From(IConfiguration configuration, Storage.StorageSettings storage)
    {
        var redis = configuration.GetConnectionString(RedisConnectionName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            return new ClusterSettings(RedisConnectionString: null);
        }

        if (storage.IsEmbedded)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Redis is set, so this node would join a cluster, but ConnectionStrings:Postgres is not: " +
                "the embedded SQLite file belongs to one node. Set ConnectionStrings:Postgres to the database every node shares, or remove the Redis setting.");
        }

        return new ClusterSettings(redis);
    }
}
