namespace CharityDay.Contracts;

/// <summary>
/// One line of the recent-pledges feed. Screens and phones get it with the donor's name resolved for
/// display: <see cref="NameHidden"/> when <see cref="DisplayName"/> is a stand-in (爱心人士 / 爱心企业 /
/// 爱心单位) because the donor is anonymous, the admin hides names, or moderation holds or hid the name;
/// <see cref="Message"/> is an approved 留言 only. Between the grains (a desk's report, the ledger's
/// recent feed) it still carries what the donor typed; the total grain shapes it before any push.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FeedItem(
    [property: Id(0)] string PledgeId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] PledgeChannel Channel,
    [property: Id(4)] DonorKind DonorKind,
    [property: Id(5)] DateTimeOffset RecordedAt,
    [property: Id(6)] bool NameHidden = false,
    [property: Id(7)] string? Message = null)
{
    public const string AnonymousDisplayName = "爱心人士";

    /// <summary>How a donor shows when the admin hides names on the screen: by kind only.</summary>
    public FeedItem WithoutName() => this with { NameHidden = true, DisplayName = StandInName(DonorKind) };

    /// <summary>The stand-in a donor of <paramref name="kind"/> shows as when its name may not: 爱心企业 / 爱心单位 / 爱心人士.</summary>
    public static string StandInName(DonorKind kind) => kind switch
    {
        DonorKind.Enterprise => "爱心企业",
        DonorKind.Organization => "爱心单位",
        _ => AnonymousDisplayName,
    };

    /// <summary>How a donor shows while moderation holds or hides the name: the stand-in and no message.</summary>
    public FeedItem Withheld() => WithoutName() with { Message = null };

    /// <summary>
    /// The pledge as the total grain receives it: an online donor's 留言 rides along (a stage pledge's
    /// note is the operator's, never shown) for the total grain to show once a moderator approves it.
    /// </summary>
    public static FeedItem From(RecordedPledge pledge)
    {
        var unnamed = pledge.Draft.Anonymous || string.IsNullOrEmpty(pledge.Draft.DonorName);
        return new(
            pledge.Draft.PledgeId,
            unnamed ? AnonymousDisplayName : pledge.Draft.DonorName,
            pledge.Draft.AmountFen,
            pledge.Draft.Channel,
            pledge.Draft.DonorKind,
            pledge.RecordedAt,
            NameHidden: unnamed,
            Message: pledge.Draft.Channel == PledgeChannel.Online && !string.IsNullOrEmpty(pledge.Draft.Note) ? pledge.Draft.Note : null);
    }
}
