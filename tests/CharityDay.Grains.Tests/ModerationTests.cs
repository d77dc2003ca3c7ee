using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Online names wait for the moderator: screens and phones show the stand-in and no 留言 until a name is
/// approved; a decision on a line already on screen replaces every screen's feed at the next push;
/// stage names go straight through unless the admin holds them too; the ledger keeps what was typed;
/// and a rebuilt total shows what the moderator decided, at a version that did not go back.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class ModerationTests(CharityCluster cluster)
{
    private const int Shards = 2;

    private readonly Dictionary<LiveAudience, long> _lastReset = [];

    [Fact]
    public async Task An_online_name_and_message_show_only_once_approved_and_go_again_when_hidden()
    {
        var eventId = await cluster.CreateLiveEventAsync(Shards);
        var donation = NamedOnline("王小明", "祝福郑州");
        await RecordAsync(eventId, donation);

        var held = await LineAsync(eventId, donation.PledgeId);
        Assert.Equal((FeedItem.AnonymousDisplayName, true, null), (held.DisplayName, held.NameHidden, held.Message));
        var heldPush = await cluster.Broadcaster.WaitForPushAsync(eventId, p => p.NewPledges.Any(i => i.PledgeId == donation.PledgeId), CharityCluster.Deadline);
        Assert.Equal(FeedItem.AnonymousDisplayName, heldPush.NewPledges.Single(i => i.PledgeId == donation.PledgeId).DisplayName);

        var approved = await cluster.Moderation(eventId).DecideAsync(donation.PledgeId, ModerationState.Approved, null, "moderator");
        Assert.Equal(ModerationOutcomeKind.Done, approved.Kind);
        var shown = await ResetShowingAsync(eventId, donation.PledgeId, "王小明", LiveAudience.Screens);
        Assert.Equal(("祝福郑州", false), (shown.Message, shown.NameHidden));
        await ResetShowingAsync(eventId, donation.PledgeId, "王小明", LiveAudience.Viewers);
        Assert.True(shown.Message is not null && (await LineAsync(eventId, donation.PledgeId)).DisplayName == "王小明");

        await cluster.Moderation(eventId).DecideAsync(donation.PledgeId, ModerationState.Hidden, null, "moderator");
        var hidden = await ResetShowingAsync(eventId, donation.PledgeId, FeedItem.AnonymousDisplayName, LiveAudience.Screens);
        Assert.Equal((true, null), (hidden.NameHidden, hidden.Message));

        var ledger = (await cluster.Ledger.FindAsync(eventId, [donation.PledgeId]))[donation.PledgeId].Pledge;
        Assert.Equal(("王小明", "祝福郑州"), (ledger.DonorName, ledger.Note));
    }

    [Fact]
    public async Task A_corrected_name_shows_instead_of_the_typed_one_and_survives_a_hide_and_an_approve()
    {
        var eventId = await cluster.CreateLiveEventAsync(Shards);
        var donation = NamedOnline("河南豫商集体", null);
        await RecordAsync(eventId, donation);

        var renamed = await cluster.Moderation(eventId).DecideAsync(donation.PledgeId, ModerationState.Approved, "河南豫商集团", "moderator");
        Assert.Equal(("河南豫商集团", ModerationState.Approved), (renamed.Decision!.DisplayName, renamed.Decision.State));
        await ResetShowingAsync(eventId, donation.PledgeId, "河南豫商集团", LiveAudience.Screens);

        await cluster.Moderation(eventId).DecideAsync(donation.PledgeId, ModerationState.Hidden, null, "moderator");
        var again = await cluster.Moderation(eventId).DecideAsync(donation.PledgeId, ModerationState.Approved, null, "moderator");
        Assert.Equal("河南豫商集团", again.Decision!.DisplayName);
        Assert.Equal("河南豫商集团", (await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Any(i => i.DisplayName == "河南豫商集团" && i.Message is null))).Recent[0].DisplayName);
    }

    [Fact]
    public async Task An_anonymous_donor_is_not_renamed_and_an_unknown_pledge_is_not_decided()
    {
        var eventId = await cluster.CreateLiveEventAsync(Shards);
        var anonymous = Pledges.Online(Shards, 100_00);
        await RecordAsync(eventId, anonymous);

        Assert.Equal(ModerationOutcomeKind.DonorIsAnonymous,
            (await cluster.Moderation(eventId).DecideAsync(anonymous.PledgeId, ModerationState.Approved, "张三", "moderator")).Kind);
        Assert.Equal(ModerationOutcomeKind.PledgeNotFound,
            (await cluster.Moderation(eventId).DecideAsync(Pledges.NewId(), ModerationState.Approved, null, "moderator")).Kind);

        // Approved, an anonymous donor's 留言 shows under the stand-in.
        await cluster.Moderation(eventId).DecideAsync(anonymous.PledgeId, ModerationState.Approved, null, "moderator");
        var line = (await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Any(i => i.Message == "加油"))).Recent.Single();
        Assert.Equal((FeedItem.AnonymousDisplayName, true, "加油"), (line.DisplayName, line.NameHidden, line.Message));
    }

    [Fact]
    public async Task Stage_names_go_straight_through_unless_the_admin_holds_them_too()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var pledge = Pledges.Stage("desk-1", 1_000_000_00, donorName: "第一集团");
        await RecordAsync(eventId, pledge);
        Assert.Equal("第一集团", (await LineAsync(eventId, pledge.PledgeId)).DisplayName);

        var settings = await cluster.Moderation(eventId).SetSettingsAsync(moderateStageNames: true);
        Assert.True(settings.ModerateStageNames);
        Assert.True((await cluster.Moderation(eventId).GetSettingsAsync()).ModerateStageNames);
        await ResetShowingAsync(eventId, pledge.PledgeId, "爱心企业", LiveAudience.Screens);

        await cluster.Moderation(eventId).DecideAsync(pledge.PledgeId, ModerationState.Approved, null, "admin");
        await ResetShowingAsync(eventId, pledge.PledgeId, "第一集团", LiveAudience.Screens);

        // Held or not, the moderator's hide keeps a wrong stage name off the wall.
        await cluster.Moderation(eventId).SetSettingsAsync(moderateStageNames: false);
        await cluster.Moderation(eventId).DecideAsync(pledge.PledgeId, ModerationState.Hidden, null, "admin");
        await ResetShowingAsync(eventId, pledge.PledgeId, "爱心企业", LiveAudience.Screens);
    }

    [Fact]
    public async Task A_rebuilt_total_shows_the_decisions_at_a_version_that_did_not_go_back()
    {
        var eventId = await cluster.CreateLiveEventAsync(Shards);
        var approved = NamedOnline("李华", "一起加油");
        var waiting = NamedOnline("赵四", null);
        await RecordAsync(eventId, approved);
        await RecordAsync(eventId, waiting);
        await cluster.Moderation(eventId).DecideAsync(approved.PledgeId, ModerationState.Approved, null, "moderator");
        var before = await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Any(i => i.DisplayName == "李华"));

        await cluster.Cluster.DeactivateAsync(cluster.Total(eventId));
        var rebuilt = await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Length == 2);

        Assert.True(rebuilt.Version >= before.Version, $"rebuilt at {rebuilt.Version}, was {before.Version}");
        Assert.Equal(("李华", "一起加油"), (rebuilt.Recent.Single(i => i.PledgeId == approved.PledgeId).DisplayName, rebuilt.Recent.Single(i => i.PledgeId == approved.PledgeId).Message));
        Assert.Equal(FeedItem.AnonymousDisplayName, rebuilt.Recent.Single(i => i.PledgeId == waiting.PledgeId).DisplayName);
    }

    private static PledgeDraft NamedOnline(string name, string? message) =>
        Pledges.Online(Shards, 200_00) with { DonorName = name, Anonymous = false, Note = message };

    private async Task RecordAsync(string eventId, PledgeDraft draft) =>
        Assert.Equal(PledgeOutcomeKind.Recorded, (await cluster.Desk(eventId, draft.DeskId).RecordAsync(draft)).Kind);

    private async Task<FeedItem> LineAsync(string eventId, string pledgeId) =>
        (await cluster.SnapshotWhenAsync(eventId, s => s.Recent.Any(i => i.PledgeId == pledgeId))).Recent.Single(i => i.PledgeId == pledgeId);

    /// <summary>Waits for the push that replaces the audience's feed with the line shown as <paramref name="displayName"/>.</summary>
    /// <summary>
    /// Waits for the push, newer than any reset this test waited for before, that replaces the audience's
    /// feed with the line shown as <paramref name="displayName"/>.
    /// </summary>
    private async Task<FeedItem> ResetShowingAsync(string eventId, string pledgeId, string displayName, LiveAudience audience)
    {
        var after = _lastReset.GetValueOrDefault(audience);
        var push = await cluster.Broadcaster.WaitForPushAsync(eventId,
            p => p.Version > after && p.FeedReset && p.NewPledges.Any(i => i.PledgeId == pledgeId && i.DisplayName == displayName), CharityCluster.Deadline, audience);
        _lastReset[audience] = push.Version;
        return push.NewPledges.Single(i => i.PledgeId == pledgeId);
    }
}
