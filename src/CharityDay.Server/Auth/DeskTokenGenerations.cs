using CharityDay.Contracts;
using CharityDay.Server.Hosting;

namespace CharityDay.Server.Auth;

/// <summary>
/// Each desk's current token generation as this node last read it from the event grain, kept for
/// <see cref="RecheckAfter"/>: an admin's revoke signs the desk out on this node at once (the node that
/// handled it forgets its copy) and on every other node within 5 s, while a busy desk costs the event
/// grain one read per node every 5 s, not one per request. Requests that find the copy old share one read.
/// If the grain cannot be read, the last copy stands: a failover must not sign every desk out.
/// </summary>
public sealed class DeskTokenGenerations(IGrainFactory grains, [FromKeyedServices(RateLimits.ClockKey)] TimeProvider clock)
{
    /// <summary>How stale a node's copy may be: the longest a revoked token is still accepted somewhere.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Copy> _copies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _readsStarted;

    /// <summary>Whether a token of <paramref name="generation"/> for this desk is still good.</summary>
    public async ValueTask<bool> IsCurrentAsync(string eventId, string deskId, long generation)
    {
        var arrived = Interlocked.Read(ref _readsStarted);
        var current = await GenerationAsync(eventId, deskId, readAfter: 0);
        if (current is null || current < generation)
        {
            // Issued by a node that has seen a newer generation, or for a desk added since this copy: read
            // again, sharing any read that started after this call arrived.
            current = await GenerationAsync(eventId, deskId, readAfter: arrived);
        }

        return current == generation;
    }

    /// <summary>After a revoke or a rotation through this node: the next call reads the grain.</summary>
    public void Forget(string eventId)
    {
        lock (_gate)
        {
            _copies.Remove(eventId);
        }
    }

    /// <summary>The desk's generation from a copy younger than <see cref="RecheckAfter"/> whose read was started after the <paramref name="readAfter"/>th.</summary>
    private async ValueTask<long?> GenerationAsync(string eventId, string deskId, long readAfter)
    {
        var now = clock.GetUtcNow();
        Copy? copy;
        lock (_gate)
        {
            if (!_copies.TryGetValue(eventId, out copy) || now - copy.ReadAt >= RecheckAfter || copy.Read <= readAfter || copy.Definition.IsFaulted)
            {
                copy = new Copy(ReadAsync(eventId, copy?.Definition), now, Interlocked.Increment(ref _readsStarted));
                _copies[eventId] = copy;
            }
        }

        var definition = await copy.Definition;
        return definition?.Desks.FirstOrDefault(d => d.DeskId == deskId)?.TokenGeneration;
    }

    private async Task<EventDefinition?> ReadAsync(string eventId, Task<EventDefinition?>? previous)
    {
        try
        {
            return await grains.GetGrain<IEventGrain>(eventId).GetAsync();
        }
        catch (Exception) when (previous is { IsCompletedSuccessfully: true, Result: not null })
        {
            return previous.Result;
        }
    }

    private sealed record Copy(Task<EventDefinition?> Definition, DateTimeOffset ReadAt, long Read);
}
