using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using Microsoft.Extensions.Logging;

namespace CharityDay.Grains.Moderation;

/// <summary>
/// One event's moderation desk. A decision is checked against the ledger (what the donor typed stays
/// there), stored with the event's next moderation revision, answered, and told to the total grain,
/// which reshapes the feed on every node's screens and phones at its next push. The grain keeps nothing
/// of its own: storage is shared by every node, so a new activation anywhere decides the same way.
/// </summary>
public sealed partial class ModerationGrain(SqlModeration store, IPledgeLedger ledger, TimeProvider clock, ILogger<ModerationGrain> logger)
    : Grain, IModerationGrain
{
    private string EventId => this.GetPrimaryKeyString();

    public async Task<ModerationOutcome> DecideAsync(string pledgeId, ModerationState state, string? displayName, string decidedBy)
    {
        if (!(await ledger.FindAsync(EventId, [pledgeId])).TryGetValue(pledgeId, out var record))
        {
            return ModerationOutcome.Failed(ModerationOutcomeKind.PledgeNotFound);
        }

        if (displayName is not null && (record.Pledge.Anonymous || string.IsNullOrEmpty(record.Pledge.DonorName)))
        {
            return ModerationOutcome.Failed(ModerationOutcomeKind.DonorIsAnonymous);
        }

        // Approving or hiding again keeps a corrected name, so hide-then-approve does not undo the correction.
        var shownAs = displayName ?? (await store.DecisionsAsync(EventId, [pledgeId])).GetValueOrDefault(pledgeId)?.DisplayName;
        var decision = await store.SaveDecisionAsync(EventId, pledgeId, state, shownAs, decidedBy, clock.GetUtcNow());
        await GrainFactory.GetGrain<IEventTotalGrain>(EventId).ModerationDecidedAsync(decision);
        ModerationMetrics.Decided(state, renamed: displayName is not null);
        LogDecided(EventId, pledgeId, state, decision.Revision, decidedBy);
        return new ModerationOutcome(ModerationOutcomeKind.Done, decision);
    }

    public async Task<ModerationSettings> SetSettingsAsync(bool moderateStageNames)
    {
        var settings = await store.SaveSettingsAsync(EventId, moderateStageNames);
        await GrainFactory.GetGrain<IEventTotalGrain>(EventId).ModerationSettingsChangedAsync(settings);
        LogSettings(EventId, moderateStageNames, settings.Revision);
        return settings;
    }

    public Task<ModerationSettings> GetSettingsAsync() => store.ReadSettingsAsync(EventId);

    // Ids and states only: a log line never carries what a donor typed.
    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation of {EventId}: pledge {PledgeId} {State} at revision {Revision} by {Actor}")]
    private partial void LogDecided(string eventId, string pledgeId, ModerationState state, long revision, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation of {EventId}: stage names held {ModerateStageNames} at revision {Revision}")]
    private partial void LogSettings(string eventId, bool moderateStageNames, long revision);
}
