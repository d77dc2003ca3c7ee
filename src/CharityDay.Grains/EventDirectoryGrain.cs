using System.Collections.Immutable;
using CharityDay.Contracts;

namespace CharityDay.Grains;

/// <summary>Remembers every event id in creation order; written once per new event.</summary>
public sealed class EventDirectoryGrain(
    [PersistentState("directory", "store")] IPersistentState<EventDirectoryState> state) : Grain, IEventDirectoryGrain
{
    public async Task RegisterAsync(string eventId)
    {
        if (state.State.EventIds.Contains(eventId))
        {
            return;
        }

        state.State.EventIds.Add(eventId);
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.EventIds.ToImmutableArray());
}
