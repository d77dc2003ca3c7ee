using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>A failed write leaves the grain's memory as storage has it, so what it answers next is true.</summary>
[Collection(SharedCluster.Name)]
public sealed class DirectoryTests(CharityCluster cluster)
{
    [Fact]
    public async Task A_directory_write_that_fails_lists_nothing_new_and_creating_again_registers_the_event()
    {
        var eventId = "gala-" + Guid.NewGuid().ToString("N")[..12];
        var directory = cluster.Cluster.Client.GetGrain<IEventDirectoryGrain>(0);
        var setup = new EventSetup("郑州慈善日", 100_00, [], []);
        cluster.Storage.FailNextWriteOf("eventdirectory");

        await Assert.ThrowsAnyAsync<Exception>(() => cluster.Event(eventId).CreateAsync(setup, onlineShards: 0));

        Assert.DoesNotContain(eventId, await directory.ListAsync());
        Assert.Equal(EventChangeKind.EventExists, (await cluster.Event(eventId).CreateAsync(setup, onlineShards: 0)).Kind);
        Assert.Contains(eventId, await directory.ListAsync());
    }
}
