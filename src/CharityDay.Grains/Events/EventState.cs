using CharityDay.Contracts;

namespace CharityDay.Grains.Events;

/// <summary>The event grain's persisted state: null until the admin creates the event.</summary>
// The alias keeps the type name it was stored under before the grains moved into folders.
[GenerateSerializer, Alias("CharityDay.Grains.EventState")]
public sealed class EventState
{
    [Id(0)]
    public EventDefinition? Definition { get; set; }
}
