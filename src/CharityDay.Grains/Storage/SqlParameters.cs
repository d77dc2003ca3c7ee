using System.Data.Common;
using System.Globalization;

namespace CharityDay.Grains.Storage;

/// <summary>The two small ADO.NET helpers the ledger and the donation orders both write their SQL with.</summary>
internal static class SqlParameters
{
    /// <summary>Adds <paramref name="value"/> (null as DBNull) as parameter <c>@name</c> and returns that name for the SQL text.</summary>
    public static string Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    /// <summary>An integer column or aggregate, whichever integer type the database answers with.</summary>
    public static long GetLong(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
