using System.Collections.Concurrent;
using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Routes a pledge to its desk grain without asking the event grain on every request. It keeps only
/// facts that never go back: an event, once created, exists; desks are only ever added; the number
/// of online shards is fixed at creation. A desk the copy does not know yet is looked up again, and
/// the desk grain itself decides admission (live or not) from the event's current definition.
/// </summary>
internal sealed class DeskDirectory(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, EventDefinition> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPledgeDeskGrain> _desks = new(StringComparer.Ordinal);

    /// <summary>The event, fetched again when <paramref name="deskId"/> is not among the desks known here.</summary>
    public async ValueTask<EventDefinition?> FindEventAsync(string eventId, string? deskId = null)
    {
        if (_events.TryGetValue(eventId, out var known) && (deskId is null || HasDesk(known, deskId)))
        {
            return known;
        }

        // Unknown ids are not remembered: an event created a moment ago must be found at once.
        var current = await grains.GetGrain<IEventGrain>(eventId).GetAsync();
        if (current is not null)
        {
            _events.AddOrUpdate(eventId, current, (_, held) => held.Revision >= current.Revision ? held : current);
        }

        return current;
    }

    /// <summary>A desk grain reference; only asked for desks of an event that exists, so the map stays small.</summary>
    public IPledgeDeskGrain Desk(string eventId, string deskId) =>
        _desks.GetOrAdd(GrainKeys.Desk(eventId, deskId), key => grains.GetGrain<IPledgeDeskGrain>(key));

    public static bool HasDesk(EventDefinition definition, string deskId) => definition.Desks.Any(d => d.DeskId == deskId);
}
