using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Storage;

/// <summary>
/// Columns the ledger gained after databases were already in use. PostgreSQL adds them in its script
/// (<c>ADD COLUMN IF NOT EXISTS</c>); SQLite cannot say that, so a file made by an older build gets them
/// here, after the script, with the default that reads every existing row as the real night's.
/// </summary>
internal static class LedgerColumns
{
    private static readonly (string Name, string Definition)[] Added =
    [
        ("rehearsal_run", "INTEGER NOT NULL DEFAULT 0"),
    ];

    public static async Task AddMissingAsync(DbConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var (name, definition) in Added)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('pledge_ledger') WHERE name = @name";
            SqlParameters.Add(probe, "name", name);
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            // Adding a column rewrites no row, so the append-only triggers do not fire.
            await using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE pledge_ledger ADD COLUMN {name} {definition}";
            await alter.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Ledger column {Column} added to an existing database", name);
        }
    }
}
