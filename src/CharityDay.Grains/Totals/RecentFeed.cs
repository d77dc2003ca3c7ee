using CharityDay.Contracts;

namespace CharityDay.Grains.Totals;

/// <summary>
/// The newest pledges of an event, newest first, as every snapshot shows them: read from the ledger
/// soon after the total grain activates, and kept by the desks' reports. It also remembers which pledges
/// and voids it has already announced, so a report sent again (its acknowledgement was lost) is not
/// announced twice, while the report that wakes a rebuilt total still is.
/// </summary>
internal sealed class RecentFeed
{
    public const int Size = 20;

    /// <summary>Far more than the reports in flight at any time, which carry at most 20 pledges each.</summary>
    private const int AnnouncementsKept = 5_000;

    private readonly List<FeedItem> _items = [];
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly Queue<string> _announcedOldestFirst = new();

    public IReadOnlyList<FeedItem> Items => _items;

    /// <summary>
    /// Fills the feed from the ledger's newest entries after a rebuild. Pledges reported meanwhile are
    /// newer and stay on top; a pledge already there, or whose void was announced, is not taken again.
    /// </summary>
    public void FillFromLedger(IEnumerable<FeedItem> newestFirst)
    {
        foreach (var item in newestFirst)
        {
            if (_items.Count >= Size)
            {
                return;
            }

            if (!_announced.Contains("void:" + item.PledgeId) && !_items.Any(i => i.PledgeId == item.PledgeId))
            {
                _items.Add(item);
            }
        }
    }

    /// <summary>Puts the pledge on top; false when it was announced before.</summary>
    public bool Add(FeedItem item)
    {
        if (!Announce("pledge:" + item.PledgeId))
        {
            return false;
        }

        _items.RemoveAll(i => i.PledgeId == item.PledgeId);
        _items.Insert(0, item);
        if (_items.Count > Size)
        {
            _items.RemoveRange(Size, _items.Count - Size);
        }

        return true;
    }

    /// <summary>Takes the pledge off the feed; false when its void was announced before.</summary>
    public bool Void(string pledgeId)
    {
        if (!Announce("void:" + pledgeId))
        {
            return false;
        }

        _items.RemoveAll(i => i.PledgeId == pledgeId);
        return true;
    }

    private bool Announce(string key)
    {
        if (!_announced.Add(key))
        {
            return false;
        }

        _announcedOldestFirst.Enqueue(key);
        if (_announcedOldestFirst.Count > AnnouncementsKept)
        {
            _announced.Remove(_announcedOldestFirst.Dequeue());
        }

        return true;
    }
}
