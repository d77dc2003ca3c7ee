using CharityDay.Contracts;

namespace CharityDay.Grains.Totals;

/// <summary>
/// What one audience has not been pushed yet: the pledges and voids since its last push, and the version
/// that push carried. Each audience keeps its own, so the slower cadence never drops a void that the
/// faster one already sent, and each audience's versions follow on from its own previous push.
/// </summary>
internal sealed class AudienceFeed(LiveAudience audience, TimeSpan period, int pledgesPerPush)
{
    private readonly List<FeedItem> _fresh = [];
    private readonly List<string> _voided = [];

    /// <summary>The version of this activation's last push to the audience; -1 before the first.</summary>
    private long _pushedVersion = -1;
    private long _rebuiltVersion;

    public LiveAudience Audience => audience;

    public TimeSpan Period => period;

    /// <summary>
    /// The version the next push follows on from. The first push of an activation follows the version
    /// the activation rebuilt from the ledger, so a client that saw less (the pledge that woke the
    /// grain, say) sees a gap and fetches a snapshot instead of taking the push as continuous.
    /// </summary>
    public long PreviousVersion => _pushedVersion < 0 ? _rebuiltVersion : _pushedVersion;

    /// <summary>The newest pledges since the last push, oldest first; the whole feed when <see cref="FeedReset"/>.</summary>
    public IReadOnlyList<FeedItem> Fresh => _fresh;

    public IReadOnlyList<string> Voided => _voided;

    /// <summary>The next push replaces the clients' feed: the admin hid or restored donor names.</summary>
    public bool FeedReset { get; private set; }

    /// <summary>
    /// The stage screens: ten pushes a second keeps the number climbing smoothly, and twenty pledges a
    /// push keeps up with the stage's pace, while the screens are so few that their size does not matter.
    /// </summary>
    public static AudienceFeed ForScreens() => new(LiveAudience.Screens, TimeSpan.FromMilliseconds(100), 20);

    /// <summary>
    /// Phones: four pushes a second still look live, and five names fill a phone's feed; with thousands
    /// of phones this is a fifth of the bytes at under half the rate of the screens' pushes.
    /// </summary>
    public static AudienceFeed ForViewers() => new(LiveAudience.Viewers, TimeSpan.FromMilliseconds(250), 5);

    public void Start(long rebuiltVersion) => _rebuiltVersion = rebuiltVersion;

    /// <summary>A push is due when the version moved since the last one, and once after activation.</summary>
    public bool IsDue(long version) => version != _pushedVersion;

    public void Add(FeedItem item)
    {
        _fresh.Add(item);
        var keep = FeedReset ? RecentFeed.Size : pledgesPerPush;
        if (_fresh.Count > keep)
        {
            _fresh.RemoveRange(0, _fresh.Count - keep);
        }
    }

    public void Void(string pledgeId)
    {
        _fresh.RemoveAll(f => f.PledgeId == pledgeId);
        if (!FeedReset)
        {
            _voided.Add(pledgeId);
        }
    }

    /// <summary>The next push carries the whole feed (given newest first) for the clients to show instead of theirs.</summary>
    public void ResetFeed(IReadOnlyList<FeedItem> newestFirst)
    {
        _fresh.Clear();
        _fresh.AddRange(newestFirst.Reverse());
        _voided.Clear();
        FeedReset = true;
    }

    public void Pushed(long version)
    {
        _pushedVersion = version;
        _fresh.Clear();
        _voided.Clear();
        FeedReset = false;
    }
}
