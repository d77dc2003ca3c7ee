using CharityDay.Contracts;

namespace CharityDay.Grains.Scenes;

/// <summary>One donor on the honour roll: the name as shown on the wall, and what it gave under that name.</summary>
public sealed record DonorLine(string Name, long AmountFen, long PledgeCount);

/// <summary>慈善风云榜: the top named donors of each kind.</summary>
public sealed record HonourRoll(IReadOnlyList<DonorLine> Enterprises, IReadOnlyList<DonorLine> Organizations, IReadOnlyList<DonorLine> Individuals)
{
    public static readonly HonourRoll Empty = new([], [], []);
}

/// <summary>A name on the thank-you roll.</summary>
public sealed record ThanksDonor(string Name, DonorKind DonorKind);

/// <summary>
/// 鸣谢: every name shown so far, oldest first (<see cref="MoreCount"/> beyond the roll's length), and how
/// many pledges showed no name (anonymous, held, hidden): the roll thanks them together.
/// </summary>
public sealed record ThanksRoll(IReadOnlyList<ThanksDonor> Donors, long MoreCount, long StandInCount);

/// <summary>档位轮: the stage pledges recorded since the round began (the newest <see cref="SqlSceneData.RoundLength"/> of a long round), oldest first, shaped like the feed; <see cref="Count"/> and <see cref="TotalFen"/> are over the whole round.</summary>
public sealed record TierRoundPledges(long TierFen, DateTimeOffset? StartedAt, IReadOnlyList<FeedItem> Pledges, long TotalFen, long Count);

/// <summary>An approved 留言 with its donor as shown.</summary>
public sealed record ShownMessage(string PledgeId, string Name, long AmountFen, string Message, DateTimeOffset RecordedAt);

/// <summary>留言: the newest approved messages.</summary>
public sealed record MessageWall(IReadOnlyList<ShownMessage> Messages);
