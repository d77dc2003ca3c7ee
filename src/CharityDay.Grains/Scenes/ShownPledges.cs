using System.Data.Common;
using CharityDay.Contracts;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Scenes;

/// <summary>
/// The SQL the wall's scenes share: an event's pledges of one ledger run, voided ones left out, each with
/// the name the wall may show (<c>shown</c>, NULL for a stand-in) as the feed shapes it — a donor who gave
/// anonymously, a name the moderator holds or hid, an online name not yet approved, a stage name while
/// the admin holds stage names too: NULL; a corrected name: the correction. The admin's "hide names" is
/// the caller's (every name a stand-in then).
/// </summary>
internal static class ShownPledges
{
    public static string From(DbCommand command, string eventId, int run, bool moderateStageNames)
    {
        var eventParameter = Add(command, "e", eventId);
        var approved = Add(command, "approved", (short)ModerationState.Approved);
        var stagePasses = moderateStageNames ? "" : $" OR (d.state IS NULL AND p.channel = {Add(command, "stage", (short)PledgeChannel.Stage)})";
        return "(SELECT p.entry_no, p.pledge_id, p.channel, p.amount_fen, p.donor_kind, p.note, p.recorded_at_ms, d.state, " +
            $"CASE WHEN p.anonymous = {Add(command, "named", false)} AND p.donor_name <> '' AND (d.state = {approved}{stagePasses}) " +
            "THEN COALESCE(d.display_name, p.donor_name) END AS shown " +
            "FROM pledge_ledger p LEFT JOIN moderation_decisions d ON d.event_id = p.event_id AND d.pledge_id = p.pledge_id " +
            $"WHERE p.event_id = {eventParameter} AND p.rehearsal_run = {Add(command, "run", run)} AND p.entry_kind = 0 " +
            $"AND NOT EXISTS (SELECT 1 FROM pledge_ledger v WHERE v.event_id = {eventParameter} AND v.pledge_id = p.pledge_id AND v.entry_kind = 1)) s";
    }
}
