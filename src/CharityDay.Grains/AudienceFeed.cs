using CharityDay.Contracts;

namespace CharityDay.Grains;

/// <summary>
/// What one audience has not been pushed yet: the pledges and voids since its last push, and the version
/// that push carried. Each audience keeps its own, so the slower cadence never drops a void that the
/// faster one already sent, and each audience's versions follow on from its own previous push.
/// </summary>
internal sealed class AudienceFeed(LiveAudience audience, TimeSpan period, int pledgesPerPush)
{
    /// <summary>A failed push keeps this many voids for the next one; a client re-fetches the snapshot on reconnect anyway.</summary>
    private const int VoidsKeptAfterFailure = 20;

    private readonly List<FeedItem> _fresh = [];
    private readonly List<string> _voided = [];

    public LiveAudience Audience => audience;

    public TimeSpan Period => period;

    /// <summary>The version of the last push this audience received; -1 before the first.</summary>
    public long PushedVersion { get; private set; } = -1;

    /// <summary>The newest pledges since the last push, oldest first, at most the audience's share.</summary>
    public IReadOnlyList<FeedItem> Fresh => _fresh;

    public IReadOnlyList<string> Voided => _voided;

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

    public void Add(FeedItem item)
    {
        _fresh.Add(item);
        if (_fresh.Count > pledgesPerPush)
        {
            _fresh.RemoveRange(0, _fresh.Count - pledgesPerPush);
        }
    }

    public void Void(string pledgeId)
    {
        _fresh.RemoveAll(f => f.PledgeId == pledgeId);
        _voided.Add(pledgeId);
    }

    public void Pushed(long version)
    {
        PushedVersion = version;
        _fresh.Clear();
        _voided.Clear();
    }

    public void PushFailed()
    {
        if (_voided.Count > VoidsKeptAfterFailure)
        {
            _voided.RemoveRange(0, _voided.Count - VoidsKeptAfterFailure);
        }
    }
}
