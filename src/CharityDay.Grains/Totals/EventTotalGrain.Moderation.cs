using CharityDay.Contracts;

namespace CharityDay.Grains.Totals;

/// <summary>
/// The moderator's decisions reaching the feed. Every decision moves the version, so each audience's
/// next push (within its period) carries it; one that changes a line already on screen replaces the
/// clients' whole feed, as the admin's show-names switch does.
/// </summary>
public sealed partial class EventTotalGrain
{
    public Task ModerationDecidedAsync(ModerationDecision decision)
    {
        if (_moderation.Apply(decision) && _feed.Items.Any(item => item.PledgeId == decision.PledgeId))
        {
            ResetAudienceFeeds();
        }

        return Task.CompletedTask;
    }

    public Task ModerationSettingsChangedAsync(ModerationSettings settings)
    {
        if (_moderation.Apply(settings) && _feed.Items.Any(item => item.Channel == PledgeChannel.Stage))
        {
            ResetAudienceFeeds();
        }

        return Task.CompletedTask;
    }

    private void ResetAudienceFeeds()
    {
        foreach (var audience in _audiences)
        {
            audience.ResetFeed(_feed.Items);
        }
    }
}
