namespace CharityDay.Grains.Storage;

/// <summary>The two databases the product runs on; grain state and the ledger always share one.</summary>
public enum StorageDialect
{
    /// <summary>Embedded default: one SQLite file under the data directory.</summary>
    Sqlite = 0,

    /// <summary>Production: a PostgreSQL database shared by every node.</summary>
    Postgres = 1,
}
