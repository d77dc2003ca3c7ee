using CharityDay.Contracts;
using CharityDay.Grains.Storage;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Scenes;

/// <summary>Which pledges a scene reads and how their names show: the run on screen and the two name switches.</summary>
public sealed record SceneQuery(string EventId, int Run, bool ModerateStageNames, bool ShowDonorNames);

/// <summary>
/// The data of the wall's scenes beyond the total, read from the ledger joined with the moderator's
/// decisions (<see cref="ShownPledges"/>), so no scene shows a name the feed would not.
/// </summary>
public sealed class SqlSceneData(LedgerDatabase database)
{
    public const int HonourRollLength = 10;
    public const int ThanksLength = 2000;
    public const int RoundLength = 200;
    public const int MessagesLength = 30;

    public async Task<HonourRoll> HonourRollAsync(SceneQuery query, CancellationToken cancellationToken = default)
    {
        if (!query.ShowDonorNames)
        {
            return HonourRoll.Empty;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var pledges = ShownPledges.From(command, query.EventId, query.Run, query.ModerateStageNames);
        command.CommandText =
            "SELECT donor_kind, shown, total, pledges FROM (SELECT donor_kind, shown, total, pledges, " +
            "ROW_NUMBER() OVER (PARTITION BY donor_kind ORDER BY total DESC, first_entry) AS place FROM (" +
            $"SELECT donor_kind, shown, SUM(amount_fen) AS total, COUNT(*) AS pledges, MIN(entry_no) AS first_entry FROM {pledges} " +
            "WHERE shown IS NOT NULL GROUP BY donor_kind, shown) g) r " +
            $"WHERE place <= {Add(command, "length", HonourRollLength)} ORDER BY donor_kind, place";
        var byKind = Enum.GetValues<DonorKind>().ToDictionary(kind => kind, _ => new List<DonorLine>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byKind[(DonorKind)GetLong(reader, 0)].Add(new DonorLine(reader.GetString(1), GetLong(reader, 2), GetLong(reader, 3)));
        }

        return new HonourRoll(byKind[DonorKind.Enterprise], byKind[DonorKind.Organization], byKind[DonorKind.Individual]);
    }

    public async Task<ThanksRoll> ThanksAsync(SceneQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var names = query.ShowDonorNames ? "shown" : "CAST(NULL AS TEXT)";
        long standIns, distinct;
        await using (var command = connection.CreateCommand())
        {
            var pledges = ShownPledges.From(command, query.EventId, query.Run, query.ModerateStageNames);
            command.CommandText = $"SELECT COALESCE(SUM(CASE WHEN {names} IS NULL THEN 1 ELSE 0 END), 0), COUNT(DISTINCT {names}) FROM {pledges}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (standIns, distinct) = (GetLong(reader, 0), GetLong(reader, 1));
        }

        var donors = new List<ThanksDonor>();
        if (distinct > 0)
        {
            await using var command = connection.CreateCommand();
            var pledges = ShownPledges.From(command, query.EventId, query.Run, query.ModerateStageNames);
            command.CommandText =
                $"SELECT shown, MIN(donor_kind), MIN(entry_no) AS first_entry FROM {pledges} WHERE shown IS NOT NULL " +
                $"GROUP BY shown ORDER BY first_entry LIMIT {Add(command, "length", ThanksLength)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                donors.Add(new ThanksDonor(reader.GetString(0), (DonorKind)GetLong(reader, 1)));
            }
        }

        return new ThanksRoll(donors, distinct - donors.Count, standIns);
    }

    public async Task<TierRoundPledges> RoundAsync(SceneQuery query, ShowState show, CancellationToken cancellationToken = default)
    {
        if (show.Scene != SceneKind.TierRound || show.RoundStartedAt is not { } started)
        {
            return new TierRoundPledges(0, null, [], 0, 0);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var pledges = ShownPledges.From(command, query.EventId, query.Run, query.ModerateStageNames);
        command.CommandText =
            $"SELECT pledge_id, amount_fen, donor_kind, recorded_at_ms, shown, COUNT(*) OVER (), SUM(amount_fen) OVER () FROM {pledges} " +
            $"WHERE channel = {Add(command, "round_channel", (short)PledgeChannel.Stage)} AND recorded_at_ms >= {Add(command, "since", started.ToUnixTimeMilliseconds())} " +
            $"ORDER BY entry_no DESC LIMIT {Add(command, "length", RoundLength)}";
        var items = new List<FeedItem>();
        long count = 0, totalFen = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var shown = ShownName(query, reader);
            var item = new FeedItem(reader.GetString(0), shown ?? FeedItem.AnonymousDisplayName, GetLong(reader, 1), PledgeChannel.Stage,
                (DonorKind)GetLong(reader, 2), DateTimeOffset.FromUnixTimeMilliseconds(GetLong(reader, 3)));
            items.Add(shown is null ? item.WithoutName() : item);
            (count, totalFen) = (GetLong(reader, 5), GetLong(reader, 6));
        }

        items.Reverse(); // the newest of a long round, oldest first
        return new TierRoundPledges(show.TierFen, started, items, totalFen, count);
    }

    public async Task<MessageWall> MessagesAsync(SceneQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var pledges = ShownPledges.From(command, query.EventId, query.Run, query.ModerateStageNames);
        command.CommandText =
            $"SELECT pledge_id, amount_fen, donor_kind, recorded_at_ms, shown, note FROM {pledges} " +
            $"WHERE channel = {Add(command, "message_channel", (short)PledgeChannel.Online)} AND state = {Add(command, "message_approved", (short)ModerationState.Approved)} " +
            $"AND note IS NOT NULL AND note <> '' ORDER BY entry_no DESC LIMIT {Add(command, "length", MessagesLength)}";
        var messages = new List<ShownMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = ShownName(query, reader) ?? FeedItem.StandInName((DonorKind)GetLong(reader, 2));
            messages.Add(new ShownMessage(reader.GetString(0), name, GetLong(reader, 1), reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(GetLong(reader, 3))));
        }

        return new MessageWall(messages);
    }

    /// <summary>The name in column 4 of a scene's row, unless the admin hides names or it is a stand-in's (NULL).</summary>
    private static string? ShownName(SceneQuery query, System.Data.Common.DbDataReader reader) =>
        query.ShowDonorNames && !reader.IsDBNull(4) ? reader.GetString(4) : null;
}
