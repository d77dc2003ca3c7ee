using System.Data.Common;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// PostgreSQL's form of the group-commit insert: the batch travels as one array per column and
/// <c>unnest</c> turns the arrays back into rows, so the server binds 15 parameters per batch instead
/// of 15 per pledge and the statement text is the same for every batch size. It is deliberately not
/// prepared: an explicit prepare per commit made the benchmark's PostgreSQL spend more CPU per commit
/// and cost a third of the throughput (load-tests/RESULTS.md).
/// </summary>
internal static class PostgresLedgerInsert
{
    public const string Sql =
        "INSERT INTO pledge_ledger (event_id, desk_id, sequence, entry_kind, pledge_id, channel, amount_fen, donor_name, donor_kind, anonymous, representative, note, actor, recorded_at_ms, rehearsal_run) " +
        "SELECT * FROM unnest(@event_id::text[], @desk_id::text[], @sequence::bigint[], @entry_kind::smallint[], @pledge_id::text[], " +
        "@channel::smallint[], @amount_fen::bigint[], @donor_name::text[], @donor_kind::smallint[], @anonymous::boolean[], " +
        "@representative::text[], @note::text[], @actor::text[], @recorded_at_ms::bigint[], @rehearsal_run::integer[]) " +
        "ON CONFLICT (event_id, pledge_id, entry_kind) DO NOTHING RETURNING pledge_id, entry_kind";

    public static void Bind(DbCommand command, IReadOnlyList<LedgerEntry> rows)
    {
        command.CommandText = Sql;
        Add(command, "event_id", Column(rows, r => r.EventId));
        Add(command, "desk_id", Column(rows, r => r.DeskId));
        Add(command, "sequence", Column(rows, r => r.Sequence));
        Add(command, "entry_kind", Column(rows, r => (short)r.Kind));
        Add(command, "pledge_id", Column(rows, r => r.PledgeId));
        Add(command, "channel", Column(rows, r => (short)r.Channel));
        Add(command, "amount_fen", Column(rows, r => r.AmountFen));
        Add(command, "donor_name", Column(rows, r => r.DonorName));
        Add(command, "donor_kind", Column(rows, r => (short)r.DonorKind));
        Add(command, "anonymous", Column(rows, r => r.Anonymous));
        Add(command, "representative", Column(rows, r => r.Representative));
        Add(command, "note", Column(rows, r => r.Note));
        Add(command, "actor", Column(rows, r => r.Actor));
        Add(command, "recorded_at_ms", Column(rows, r => r.RecordedAt.ToUnixTimeMilliseconds()));
        Add(command, "rehearsal_run", Column(rows, r => r.Run));
    }

    private static T[] Column<T>(IReadOnlyList<LedgerEntry> rows, Func<LedgerEntry, T> value)
    {
        var column = new T[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }

        return column;
    }

    private static void Add(DbCommand command, string name, Array values)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = values;
        command.Parameters.Add(parameter);
    }
}
