using CharityDay.Grains.Storage;

namespace CharityDay.Server.Storage;

/// <summary>Which database this node uses, decided once from configuration at start-up.</summary>
public sealed record StorageSettings(StorageDialect Dialect, string ConnectionString, string DataDirectory)
{
    public const string PostgresConnectionName = "Postgres";

    public bool IsEmbedded => Dialect == StorageDialect.Sqlite;

    public static StorageSettings From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["CharityDay:DataDirectory"] is { Length: > 0 } configured ? configured : "data");
        var postgres = configuration.GetConnectionString(PostgresConnectionName);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new StorageSettings(StorageDialect.Postgres, postgres, dataDirectory);
        }

        var file = Path.Combine(dataDirectory, DataFolder.DatabaseFileName);
        // Private cache, pooled connections; SQLite's default synchronous=FULL makes each commit durable.
        // Mode=ReadWrite: the start-up creates the file (owner-only); a connection opened after someone
        // deleted it fails instead of starting an empty database in its place.
        return new StorageSettings(StorageDialect.Sqlite, $"Data Source={file};Mode=ReadWrite;Pooling=True;Default Timeout=30", dataDirectory);
    }

    /// <summary>The embedded SQLite file.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, DataFolder.DatabaseFileName);

    /// <summary>Host, port and database of a PostgreSQL connection string, for messages (never the password).</summary>
    public string Describe()
    {
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{postgres.Host}:{postgres.Port}, database {postgres.Database ?? postgres.Username}";
    }
}
