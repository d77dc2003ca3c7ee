using CharityDay.Contracts;

namespace CharityDay.Grains.Totals;

/// <summary>
/// The total grain's view of the moderator's decisions: which names the feed may show. An online name
/// (and a stage name, when the admin holds those too) shows as its stand-in with no 留言 until approved;
/// approved shows the corrected display name, if any, and the 留言; hidden shows the stand-in again. A
/// donor who gave anonymously stays anonymous whatever the decision. <see cref="Revision"/> is the
/// event's moderation revision: durable, only growing, part of the total's version.
/// </summary>
internal sealed class FeedModeration
{
    /// <summary>Far more than the feed and the pledges in flight; a decision forgotten here is read back from storage on a rebuild.</summary>
    private const int DecisionsKept = 5_000;

    private readonly Dictionary<string, ModerationDecision> _decisions = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();
    private ModerationSettings _settings = ModerationSettings.Default;

    public long Revision { get; private set; }

    /// <summary>Starts from the settings as stored; their revision is the event's moderation revision when read.</summary>
    public void Start(ModerationSettings settings)
    {
        _settings = settings;
        Revision = Math.Max(Revision, settings.Revision);
    }

    /// <summary>Keeps the decision unless a newer one for the pledge is known; true when it is kept.</summary>
    public bool Apply(ModerationDecision decision)
    {
        Revision = Math.Max(Revision, decision.Revision);
        if (_decisions.TryGetValue(decision.PledgeId, out var known))
        {
            if (known.Revision >= decision.Revision)
            {
                return false;
            }
        }
        else
        {
            _oldestFirst.Enqueue(decision.PledgeId);
            if (_oldestFirst.Count > DecisionsKept)
            {
                _decisions.Remove(_oldestFirst.Dequeue());
            }
        }

        _decisions[decision.PledgeId] = decision;
        return true;
    }

    /// <summary>Takes newer settings; true when whether stage names are held changed.</summary>
    public bool Apply(ModerationSettings settings)
    {
        Revision = Math.Max(Revision, settings.Revision);
        if (settings.Revision <= _settings.Revision)
        {
            return false;
        }

        var toggled = settings.ModerateStageNames != _settings.ModerateStageNames;
        _settings = settings;
        return toggled;
    }

    /// <summary>The feed line as the moderator's decisions allow it on screen (the admin's "hide names" comes after).</summary>
    public FeedItem Show(FeedItem item)
    {
        var decision = _decisions.GetValueOrDefault(item.PledgeId);
        var state = decision?.State ?? (_settings.Holds(item.Channel) ? ModerationState.Pending : ModerationState.Approved);
        if (state != ModerationState.Approved)
        {
            return item.Withheld();
        }

        return item.NameHidden || decision?.DisplayName is not { } corrected ? item : item with { DisplayName = corrected };
    }
}
