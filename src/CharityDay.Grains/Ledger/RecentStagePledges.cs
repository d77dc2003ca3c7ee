using CharityDay.Grains.Storage;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// Finds the stage pledges of one amount recorded since a moment, for the warning an operator gets
/// before typing the same placard twice (two desks taking one raised card is the classic gala mistake).
/// Reads the ledger through a partial index that only stage pledges enter, so online giving pays nothing.
/// Only pledges of the run the event is in are compared: a reset rehearsal's placards warn no one on the night.
/// </summary>
public sealed class RecentStagePledges(LedgerDatabase database)
{
    private const int MaxMatches = 20;

    public async Task<IReadOnlyList<RecentStagePledge>> SameDonorAsync(
        string eventId, string donorName, long amountFen, DateTimeOffset since, int run, CancellationToken cancellationToken = default)
    {
        var key = DonorNameKey.Of(donorName);
        var found = new List<RecentStagePledge>();
        if (key.Length == 0)
        {
            return found;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var eventParameter = Add(command, "event", eventId);
        // channel = 0 and entry_kind = 0 are literals, not parameters: the planner matches them to the
        // partial index pledge_ledger_stage_amount.
        command.CommandText =
            $"SELECT p.pledge_id, p.desk_id, p.donor_name, p.amount_fen, p.recorded_at_ms FROM pledge_ledger p " +
            $"WHERE p.event_id = {eventParameter} AND p.channel = 0 AND p.entry_kind = 0 " +
            $"AND p.amount_fen = {Add(command, "amount", amountFen)} AND p.recorded_at_ms >= {Add(command, "since", since.ToUnixTimeMilliseconds())} " +
            $"AND p.rehearsal_run = {Add(command, "run", run)} " +
            $"AND NOT EXISTS (SELECT 1 FROM pledge_ledger v WHERE v.event_id = {eventParameter} AND v.pledge_id = p.pledge_id AND v.entry_kind = 1) " +
            "ORDER BY p.recorded_at_ms DESC";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && found.Count < MaxMatches)
        {
            var name = reader.GetString(2);
            if (DonorNameKey.Of(name) == key)
            {
                found.Add(new RecentStagePledge(reader.GetString(0), reader.GetString(1), name, GetLong(reader, 3),
                    DateTimeOffset.FromUnixTimeMilliseconds(GetLong(reader, 4))));
            }
        }

        return found;
    }
}
