using System.Collections.Immutable;
using CharityDay.Contracts;

namespace CharityDay.Grains.Events;

/// <summary>
/// Remembers every event id in creation order; written once per new event. Each node's event catalog
/// reads it to answer "no such event" without activating a grain for a made-up id.
/// </summary>
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
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // What is held in memory stays what storage holds; the caller retries.
            state.State.EventIds.Remove(eventId);
            throw;
        }
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.EventIds.ToImmutableArray());
}
