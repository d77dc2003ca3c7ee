using System.Data.Common;
using System.Text;
using CharityDay.Grains.Storage;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// The WHERE conditions of a <see cref="LedgerFilter"/>, each value a parameter, with an explicit LIKE escape
/// character so % and _ in a name are literal. The name is matched without case by each database's own rule:
/// SQLite's LIKE ignores case for ASCII letters (its LOWER() does no more), PostgreSQL's ILIKE for every
/// letter its locale knows. Lower-casing the pattern in .NET instead would make a name such as "ÉCOLE" miss
/// itself on SQLite, whose LOWER leaves the É while .NET lowers it.
/// </summary>
internal static class LedgerFilterSql
{
    private const char Escape = '\\';

    public static string Conditions(DbCommand command, LedgerFilter filter, StorageDialect dialect)
    {
        var sql = new StringBuilder();
        if (!string.IsNullOrEmpty(filter.Name))
        {
            var like = dialect == StorageDialect.Postgres ? "ILIKE" : "LIKE";
            var pattern = "%" + EscapeLike(filter.Name) + "%";
            sql.Append($" AND donor_name {like} {Add(command, "fname", pattern)} ESCAPE '{Escape}'");
        }

        if (!string.IsNullOrEmpty(filter.DeskId))
        {
            sql.Append($" AND desk_id = {Add(command, "fdesk", filter.DeskId)}");
        }

        if (filter.Channel is { } channel)
        {
            sql.Append($" AND channel = {Add(command, "fchannel", (short)channel)}");
        }

        if (filter.MinFen is { } min)
        {
            sql.Append($" AND ABS(amount_fen) >= {Add(command, "fmin", min)}");
        }

        if (filter.MaxFen is { } max)
        {
            sql.Append($" AND ABS(amount_fen) <= {Add(command, "fmax", max)}");
        }

        if (filter.From is { } from)
        {
            sql.Append($" AND recorded_at_ms >= {Add(command, "ffrom", from.ToUnixTimeMilliseconds())}");
        }

        if (filter.To is { } to)
        {
            sql.Append($" AND recorded_at_ms <= {Add(command, "fto", to.ToUnixTimeMilliseconds())}");
        }

        return sql.ToString();
    }

    internal static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
