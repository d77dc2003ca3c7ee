namespace CharityDay.Server.Auth;

/// <summary>
/// Each token holder's current generation (a desk's, a staff role's) as this node last read it from its
/// grain, kept for <see cref="RecheckAfter"/>: an admin's revoke signs the holder out on this node at
/// once (the node that handled it forgets its copy) and on every other node within 5 s, while a busy
/// holder costs its grain one read per node every 5 s, not one per request. Requests that find the copy
/// old share one read. If the grain cannot be read, the last copy stands: a failover must not sign
/// everyone out.
/// </summary>
public abstract class TokenGenerations(TimeProvider clock)
{
    /// <summary>How stale a node's copy may be: the longest a revoked token is still accepted somewhere.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Copy> _copies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _readsStarted;

    /// <summary>Whether a token of <paramref name="generation"/> for this holder of the event is still good.</summary>
    public async ValueTask<bool> IsCurrentAsync(string eventId, string holder, long generation)
    {
        var arrived = Interlocked.Read(ref _readsStarted);
        var current = await GenerationAsync(eventId, holder, readAfter: 0);
        if (current is null || current < generation)
        {
            // Issued by a node that has seen a newer generation, or for a holder added since this copy: read
            // again, sharing any read that started after this call arrived.
            current = await GenerationAsync(eventId, holder, readAfter: arrived);
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

    /// <summary>Every holder's generation in the event, read from its grain; null when the event has none.</summary>
    protected abstract Task<IReadOnlyDictionary<string, long>?> ReadGenerationsAsync(string eventId);

    /// <summary>The holder's generation from a copy younger than <see cref="RecheckAfter"/> whose read was started after the <paramref name="readAfter"/>th.</summary>
    private async ValueTask<long?> GenerationAsync(string eventId, string holder, long readAfter)
    {
        var now = clock.GetUtcNow();
        Copy? copy;
        lock (_gate)
        {
            if (!_copies.TryGetValue(eventId, out copy) || now - copy.ReadAt >= RecheckAfter || copy.Read <= readAfter || copy.Generations.IsFaulted)
            {
                copy = new Copy(ReadAsync(eventId, copy?.Generations), now, Interlocked.Increment(ref _readsStarted));
                _copies[eventId] = copy;
            }
        }

        return (await copy.Generations)?.TryGetValue(holder, out var generation) == true ? generation : null;
    }

    private async Task<IReadOnlyDictionary<string, long>?> ReadAsync(string eventId, Task<IReadOnlyDictionary<string, long>?>? previous)
    {
        try
        {
            return await ReadGenerationsAsync(eventId);
        }
        catch (Exception) when (previous is { IsCompletedSuccessfully: true, Result: not null })
        {
            return previous.Result;
        }
    }

    private sealed record Copy(Task<IReadOnlyDictionary<string, long>?> Generations, DateTimeOffset ReadAt, long Read);
}
