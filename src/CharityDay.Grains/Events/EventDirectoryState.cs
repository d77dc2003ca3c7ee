namespace CharityDay.Grains.Events;

/// <summary>The directory grain's persisted state.</summary>
// The alias keeps the type name it was stored under before the grains moved into folders.
[GenerateSerializer, Alias("CharityDay.Grains.EventDirectoryState")]
public sealed class EventDirectoryState
{
    [Id(0)]
    public List<string> EventIds { get; set; } = [];
}
