using CharityDay.Contracts;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Moderation;

/// <summary>The moderator's queue: the ledger's pledges joined with their decisions, newest first.</summary>
public sealed partial class SqlModeration
{
    /// <summary>
    /// The event's pledges (not voided) of ledger run <paramref name="run"/> (the real night, or the
    /// rehearsal under way) in <paramref name="state"/>, newest first. Pending means waiting
    /// for the moderator: online pledges, and stage pledges when the admin holds stage names too; a
    /// decided stage pledge is listed under its decision either way.
    /// </summary>
    public async Task<IReadOnlyList<ModerationQueueEntry>> QueueAsync(string eventId, int run, ModerationState state, bool includeUndecidedStage, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var eventParameter = Add(command, "e", eventId);
        var channels = state == ModerationState.Pending && !includeUndecidedStage ? $" AND p.channel = {Add(command, "online", (short)PledgeChannel.Online)}" : "";
        command.CommandText =
            "SELECT p.pledge_id, p.channel, p.amount_fen, p.donor_name, p.donor_kind, p.anonymous, p.note, p.recorded_at_ms, " +
            "d.state, d.display_name, d.decided_by, d.decided_at_ms FROM pledge_ledger p " +
            "LEFT JOIN moderation_decisions d ON d.event_id = p.event_id AND d.pledge_id = p.pledge_id " +
            $"WHERE p.event_id = {eventParameter} AND p.rehearsal_run = {Add(command, "run", run)} AND p.entry_kind = 0{channels} " +
            $"AND COALESCE(d.state, {Add(command, "pending", (short)ModerationState.Pending)}) = {Add(command, "state", (short)state)} " +
            $"AND NOT EXISTS (SELECT 1 FROM pledge_ledger v WHERE v.event_id = {eventParameter} AND v.pledge_id = p.pledge_id AND v.entry_kind = 1) " +
            $"ORDER BY p.entry_no DESC LIMIT {Add(command, "limit", limit)}";
        var entries = new List<ModerationQueueEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var channel = (PledgeChannel)GetLong(reader, 1);
            entries.Add(new ModerationQueueEntry(
                PledgeId: reader.GetString(0),
                Channel: channel,
                AmountFen: GetLong(reader, 2),
                TypedName: reader.GetString(3),
                DonorKind: (DonorKind)GetLong(reader, 4),
                Anonymous: reader.GetBoolean(5),
                Message: channel == PledgeChannel.Online && !reader.IsDBNull(6) ? reader.GetString(6) : null,
                RecordedAt: DateTimeOffset.FromUnixTimeMilliseconds(GetLong(reader, 7)),
                State: reader.IsDBNull(8) ? ModerationState.Pending : (ModerationState)GetLong(reader, 8),
                DisplayName: reader.IsDBNull(9) ? null : reader.GetString(9),
                DecidedBy: reader.IsDBNull(10) ? null : reader.GetString(10),
                DecidedAt: reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(GetLong(reader, 11))));
        }

        return entries;
    }
}
