namespace CharityDay.Contracts;

/// <summary>The running total split by where the money came from.</summary>
[GenerateSerializer, Immutable]
public sealed record ChannelTotals(
    [property: Id(0)] long StageFen,
    [property: Id(1)] long OnlineFen,
    [property: Id(2)] long StageCount,
    [property: Id(3)] long OnlineCount);
