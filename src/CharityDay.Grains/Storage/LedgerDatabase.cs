using System.Data.Common;

namespace CharityDay.Grains.Storage;

/// <summary>
/// The one database behind a node: where the ledger lives and where Orleans keeps grain state.
/// SQLite takes one writer at a time, so writes there queue on <see cref="WriteGate"/> in process
/// instead of spinning on the file lock.
/// </summary>
public sealed class LedgerDatabase(DbDataSource dataSource, StorageDialect dialect) : IAsyncDisposable
{
    public DbDataSource DataSource { get; } = dataSource;

    public StorageDialect Dialect { get; } = dialect;

    /// <summary>The Orleans ADO.NET invariant name for this database.</summary>
    public static string OrleansInvariantFor(StorageDialect dialect) =>
        dialect == StorageDialect.Postgres ? "Npgsql" : "System.Data.SQLite";

    internal SemaphoreSlim? WriteGate { get; } = dialect == StorageDialect.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Embedded only: the check that the SQLite file is still the one the connections write to.</summary>
    public DatabaseFileGuard? FileGuard { get; init; }

    public ValueTask DisposeAsync()
    {
        WriteGate?.Dispose();
        return DataSource.DisposeAsync();
    }
}
