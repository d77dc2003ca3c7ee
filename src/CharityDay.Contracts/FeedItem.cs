namespace CharityDay.Contracts;

/// <summary>
/// One line of the recent-pledges feed, with the donor's name already resolved for display
/// (an anonymous donor shows as <see cref="AnonymousDisplayName"/>), so no screen sees a hidden name.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FeedItem(
    [property: Id(0)] string PledgeId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] PledgeChannel Channel,
    [property: Id(4)] DonorKind DonorKind,
    [property: Id(5)] DateTimeOffset RecordedAt)
{
    public const string AnonymousDisplayName = "爱心人士";

    /// <summary>How a donor shows when the admin hides names on the screen: by kind only.</summary>
    public FeedItem WithoutName() => this with
    {
        DisplayName = DonorKind switch
        {
            DonorKind.Enterprise => "爱心企业",
            DonorKind.Organization => "爱心单位",
            _ => AnonymousDisplayName,
        },
    };

    public static FeedItem From(RecordedPledge pledge) => new(
        pledge.Draft.PledgeId,
        pledge.Draft.Anonymous || string.IsNullOrEmpty(pledge.Draft.DonorName) ? AnonymousDisplayName : pledge.Draft.DonorName,
        pledge.Draft.AmountFen,
        pledge.Draft.Channel,
        pledge.Draft.DonorKind,
        pledge.RecordedAt);
}
