using System.Collections.Concurrent;
using System.Collections.Immutable;
using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// This node's view of which events exist, and of the facts about them that never go back: an event,
/// once created, exists; desks are only ever added; the number of online shards is fixed at creation.
/// An id it does not know is checked against the event directory (one grain, read by one lookup at a
/// time however many requests wait), so a made-up id is answered "no such event" without activating a
/// grain for it, and costs the node nothing it keeps. Admission (live or not) stays with the desk grains.
/// </summary>
public sealed partial class EventCatalog(IGrainFactory grains, ILogger<EventCatalog> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, EventDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPledgeDeskGrain> _desks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneLookup = new(1, 1);
    private ImmutableHashSet<string> _known = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private long _lookupsStarted;
    private long _lookupsFinished;

    /// <summary>Whether the event exists; asks the directory only for an id this node does not know.</summary>
    public async ValueTask<bool> ExistsAsync(string? eventId)
    {
        if (!InputRules.IsSlug(eventId))
        {
            return false;
        }

        if (Volatile.Read(ref _known).Contains(eventId!) || (await FreshIdsAsync()).Contains(eventId!))
        {
            return true;
        }

        LogNoSuchEvent(eventId!);
        return false;
    }

    /// <summary>The event for routing, fetched again when <paramref name="deskId"/> is not among the desks known here.</summary>
    public async ValueTask<EventDefinition?> FindAsync(string? eventId, string? deskId = null)
    {
        if (!await ExistsAsync(eventId))
        {
            return null;
        }

        if (_definitions.TryGetValue(eventId!, out var known) && (deskId is null || HasDesk(known, deskId)))
        {
            return known;
        }

        var current = await grains.GetGrain<IEventGrain>(eventId!).GetAsync();
        if (current is not null)
        {
            _definitions.AddOrUpdate(eventId!, current, (_, held) => held.Revision >= current.Revision ? held : current);
        }

        return current;
    }

    /// <summary>The event as it stands now (status, title, screen): for reads that must not be stale.</summary>
    public async ValueTask<EventDefinition?> CurrentAsync(string? eventId) =>
        await ExistsAsync(eventId) ? await grains.GetGrain<IEventGrain>(eventId!).GetAsync() : null;

    /// <summary>An event created through this node is known at once, before the directory is read again.</summary>
    public void Add(string eventId) => ImmutableInterlocked.Update(ref _known, known => known.Add(eventId));

    /// <summary>A desk grain reference; only asked for desks of an event that exists, so the map stays small.</summary>
    public IPledgeDeskGrain Desk(string eventId, string deskId) =>
        _desks.GetOrAdd(GrainKeys.Desk(eventId, deskId), key => grains.GetGrain<IPledgeDeskGrain>(key));

    public static bool HasDesk(EventDefinition definition, string deskId) => definition.Desks.Any(d => d.DeskId == deskId);

    /// <summary>
    /// The directory as read by a lookup that started after this call: requests that arrive while one
    /// lookup runs share the next one, so a flood of unknown ids costs two lookups at a time, not one each.
    /// </summary>
    private async Task<ImmutableHashSet<string>> FreshIdsAsync()
    {
        var needed = Interlocked.Read(ref _lookupsStarted) + 1;
        await _oneLookup.WaitAsync();
        try
        {
            if (_lookupsFinished < needed)
            {
                var lookup = Interlocked.Increment(ref _lookupsStarted);
                var ids = await grains.GetGrain<IEventDirectoryGrain>(0).ListAsync();
                ImmutableInterlocked.Update(ref _known, known => known.Union(ids));
                _lookupsFinished = lookup;
            }

            return Volatile.Read(ref _known);
        }
        finally
        {
            _oneLookup.Release();
        }
    }

    public void Dispose() => _oneLookup.Dispose();

    // Debug, not warning: anyone on the internet can send made-up ids, and the log must not grow with them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "No such event {EventId}")]
    private partial void LogNoSuchEvent(string eventId);
}
