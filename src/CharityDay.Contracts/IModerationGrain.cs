using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Takes the moderator's decisions on donor names and the admin's moderation
/// settings, one at a time: each is stored (the ledger database's moderation tables) before it is
/// answered, then told to the event's total grain, which reshapes the feed every screen and phone shows.
/// </summary>
public interface IModerationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Approves or hides the pledge's name (and 留言); a <paramref name="displayName"/> approves it under
    /// that name. Without one, a name set earlier stays.
    /// </summary>
    Task<ModerationOutcome> DecideAsync(string pledgeId, ModerationState state, string? displayName, string decidedBy);

    Task<ModerationSettings> SetSettingsAsync(bool moderateStageNames);

    [AlwaysInterleave]
    Task<ModerationSettings> GetSettingsAsync();
}
