using System.Collections.Immutable;
using CharityDay.Contracts;
using CharityDay.Grains.Events;

namespace CharityDay.Grains.Tests;

/// <summary>
/// The event grain keeps each desk's access code only as a salted hash, and its token generation:
/// rotating the code and revoking the tokens are changes of the event like any other, and an event
/// stored before codes were hashed has its clear codes hashed the moment it wakes.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class DeskAccessTests(CharityCluster cluster)
{
    [Fact]
    public async Task An_event_stored_with_clear_codes_has_them_hashed_when_it_activates_and_the_codes_still_work()
    {
        const string EventId = "legacy-codes";
        var legacy = new EventDefinition(EventId, "旧版晚会", 100_000_00, [], [], EventStatus.Live,
            [new DeskInfo("desk-1", "一号台", LegacyAccessCode: "483920")], OnlineShards: 0, Revision: 3);
        var grainId = cluster.Event(EventId).GetGrainId();
        await cluster.Storage.WriteStateAsync("event", grainId, new GrainState<EventState>(new EventState { Definition = legacy }));

        var woken = (await cluster.Event(EventId).GetAsync())!;

        var desk = Assert.Single(woken.Desks);
        Assert.Null(desk.LegacyAccessCode);
        Assert.True(AccessCodes.Matches(desk.Credential, "483920"));
        var stored = new GrainState<EventState>(new EventState());
        await cluster.Storage.ReadStateAsync("event", grainId, stored);
        Assert.Null(Assert.Single(stored.State!.Definition!.Desks).LegacyAccessCode);
    }

    [Fact]
    public async Task Rotating_replaces_the_hash_and_revoking_moves_the_generation_and_both_outlive_a_reactivation()
    {
        var eventId = await cluster.CreateLiveEventAsync(0, "desk-1");
        var events = cluster.Event(eventId);

        Assert.Equal(EventChangeKind.Done, (await events.SetDeskCodeAsync("desk-1", AccessCodes.Hash("NEWCQDE2"))).Kind);
        Assert.Equal(EventChangeKind.Done, (await events.RevokeDeskTokensAsync("desk-1")).Kind);
        Assert.Equal(EventChangeKind.DeskNotFound, (await events.RevokeDeskTokensAsync("desk-9")).Kind);
        Assert.Equal(EventChangeKind.EventNotFound, (await cluster.Event("no-such-event").SetDeskCodeAsync("desk-1", AccessCodes.Hash("AAAABBBB"))).Kind);
        await cluster.Cluster.DeactivateAsync(events);

        var desk = Assert.Single((await events.GetAsync())!.Desks);
        Assert.Equal(1, desk.TokenGeneration);
        Assert.True(AccessCodes.Matches(desk.Credential, "newc-qde2"));
    }

    [Fact]
    public void A_code_is_eight_unambiguous_characters_and_matches_however_it_is_typed_but_never_without_a_desk()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => AccessCodes.New()).ToImmutableArray();
        var credential = AccessCodes.Hash(codes[0]);

        Assert.All(codes, code => Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", code));
        Assert.True(codes.Distinct().Count() > 190);
        Assert.True(AccessCodes.Matches(credential, $" {codes[0][..4].ToLowerInvariant()}-{codes[0][4..]} "));
        Assert.False(AccessCodes.Matches(credential, codes[1]));
        Assert.False(AccessCodes.Matches(credential, null));
        Assert.False(AccessCodes.Matches(null, "22222222")); // the decoy an unknown desk is checked against
    }
}
