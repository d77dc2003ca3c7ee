using System.Data.Common;
using System.Text;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// The WHERE conditions of a <see cref="LedgerFilter"/>, each value a parameter. The same text runs on SQLite
/// and PostgreSQL: LOWER(..) LIKE with an explicit escape character, so % and _ in a name are literal.
/// </summary>
internal static class LedgerFilterSql
{
    private const char Escape = '\\';

    public static string Conditions(DbCommand command, LedgerFilter filter)
    {
        var sql = new StringBuilder();
        if (!string.IsNullOrEmpty(filter.Name))
        {
            var pattern = "%" + EscapeLike(filter.Name.ToLowerInvariant()) + "%";
            sql.Append($" AND LOWER(donor_name) LIKE {Add(command, "fname", pattern)} ESCAPE '{Escape}'");
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
