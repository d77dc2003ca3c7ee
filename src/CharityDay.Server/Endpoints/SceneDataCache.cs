using System.Collections.Concurrent;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// Keeps each scene's answer for <see cref="Lifetime"/>: however many walls (or strangers) ask, the
/// ledger is read at most once per scene and event in that time, and callers arriving together share one read.
/// A failed read is not kept.
/// </summary>
public sealed class SceneDataCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string EventId, string Scene), (DateTimeOffset Until, Task<object> Answer)> _answers = new();

    public async Task<T> GetAsync<T>(string eventId, string scene, Func<Task<T>> read) where T : class
    {
        var key = (eventId, scene);
        var now = clock.GetUtcNow();
        if (_answers.TryGetValue(key, out var kept) && kept.Until > now && !kept.Answer.IsFaulted)
        {
            return (T)await kept.Answer;
        }

        var fresh = (now + Lifetime, ReadAsync(read));
        _answers[key] = fresh;
        try
        {
            return (T)await fresh.Item2;
        }
        catch
        {
            _answers.TryRemove(new KeyValuePair<(string, string), (DateTimeOffset, Task<object>)>(key, fresh));
            throw;
        }
    }

    private static async Task<object> ReadAsync<T>(Func<Task<T>> read) where T : class => await read();
}
