namespace CharityDay.Grains.Tests;

/// <summary>All grain tests share one silo; each test works on an event of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<CharityCluster>
{
    public const string Name = "cluster";
}
