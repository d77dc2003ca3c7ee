namespace CharityDay.Grains;

/// <summary>The directory grain's persisted state.</summary>
[GenerateSerializer]
public sealed class EventDirectoryState
{
    [Id(0)]
    public List<string> EventIds { get; set; } = [];
}
