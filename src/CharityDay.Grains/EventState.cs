using CharityDay.Contracts;

namespace CharityDay.Grains;

/// <summary>The event grain's persisted state: null until the admin creates the event.</summary>
[GenerateSerializer]
public sealed class EventState
{
    [Id(0)]
    public EventDefinition? Definition { get; set; }
}
