using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>What the admin gives to create an event; validated at the edge before it reaches the grain.</summary>
[GenerateSerializer, Immutable]
public sealed record EventSetup(
    [property: Id(0)] string Title,
    [property: Id(1)] long GoalFen,
    [property: Id(2)] ImmutableArray<long> TiersFen,
    [property: Id(3)] ImmutableArray<long> MilestonesFen,
    [property: Id(4)] string? TimeZone = null);
