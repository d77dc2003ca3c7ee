using CharityDay.Contracts;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// The ledger's reads for screens, the operator console and the admin: sums, the recent feed, pages. The
/// audit's sums and the export's pages hold the real night only (<see cref="LiveOnly"/>).
/// </summary>
public sealed partial class SqlPledgeLedger
{
    private const string LiveOnly = "rehearsal_run = 0";

    public async Task<LedgerSums> SumAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COALESCE(SUM(amount_fen), 0), COALESCE(SUM(CASE WHEN entry_kind = 0 THEN 1 ELSE -1 END), 0), COUNT(*) " +
            $"FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} AND {LiveOnly}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerSums(GetLong(reader, 0), GetLong(reader, 1), GetLong(reader, 2));
    }

    public async Task<LedgerMatch> MatchAsync(string eventId, LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT COALESCE(SUM(CASE WHEN entry_kind = 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN entry_kind = 0 THEN amount_fen ELSE 0 END), 0), " +
            "COALESCE(SUM(CASE WHEN entry_kind = 1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN entry_kind = 1 THEN -amount_fen ELSE 0 END), 0) " +
            $"FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} AND {LiveOnly}{LedgerFilterSql.Conditions(command, filter, database.Dialect)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerMatch(GetLong(reader, 0), GetLong(reader, 1), GetLong(reader, 2), GetLong(reader, 3));
    }

    public async Task<IReadOnlyList<FeedItem>> RecentAsync(string eventId, int count, int run, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var eventParameter = Add(command, "event", eventId);
        command.CommandText =
            $"SELECT {Columns} FROM pledge_ledger p WHERE p.event_id = {eventParameter} AND p.entry_kind = 0 AND p.rehearsal_run = {Add(command, "run", run)} " +
            $"AND NOT EXISTS (SELECT 1 FROM pledge_ledger v WHERE v.event_id = {eventParameter} AND v.pledge_id = p.pledge_id AND v.entry_kind = 1) " +
            $"ORDER BY p.entry_no DESC LIMIT {Add(command, "limit", count)}";
        var items = new List<FeedItem>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(FeedItem.From(ReadEntry(reader).ToPledge(PledgeStatus.Confirmed)));
        }

        return items;
    }

    public async Task<IReadOnlyList<LedgerRecord>> DeskPledgesAsync(string eventId, string deskId, int count, int run, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>(count);
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"SELECT pledge_id FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} AND desk_id = {Add(command, "desk", deskId)} " +
                $"AND entry_kind = 0 AND rehearsal_run = {Add(command, "run", run)} ORDER BY sequence DESC LIMIT {Add(command, "limit", count)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        var records = await FindAsync(eventId, ids, cancellationToken);
        return [.. ids.Select(id => records[id])];
    }

    public Task<IReadOnlyList<LedgerEntry>> PageAsync(string eventId, long afterEntryNo, int limit, CancellationToken cancellationToken = default) =>
        SearchAsync(eventId, LedgerFilter.None, afterEntryNo, limit, cancellationToken);

    public async Task<IReadOnlyList<LedgerEntry>> SearchAsync(string eventId, LedgerFilter filter, long afterEntryNo, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns} FROM pledge_ledger WHERE event_id = {Add(command, "event", eventId)} AND {LiveOnly} AND entry_no > {Add(command, "after", afterEntryNo)}" +
            $"{LedgerFilterSql.Conditions(command, filter, database.Dialect)} ORDER BY entry_no LIMIT {Add(command, "limit", limit)}";
        var entries = new List<LedgerEntry>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }
}
