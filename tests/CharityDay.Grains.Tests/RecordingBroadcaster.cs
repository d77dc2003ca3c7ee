using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Stands in for the SignalR hub: keeps every push the total grain sends, in order, and wakes tests
/// that wait for a particular push instead of letting them sleep.
/// </summary>
public sealed class RecordingBroadcaster : ILiveBroadcaster
{
    private readonly Lock _gate = new();
    private readonly List<TotalPush> _pushes = [];
    private TaskCompletionSource _nextPush = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task PushAsync(TotalPush push, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _pushes.Add(push);
            arrived = _nextPush;
            _nextPush = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        return Task.CompletedTask;
    }

    /// <summary>The pushes of one event so far, in the order the total grain sent them.</summary>
    public IReadOnlyList<TotalPush> PushesOf(string eventId)
    {
        lock (_gate)
        {
            return [.. _pushes.Where(p => p.EventId == eventId)];
        }
    }

    /// <summary>The first push of the event that meets the condition, waiting for it until the deadline.</summary>
    public async Task<TotalPush> WaitForPushAsync(string eventId, Func<TotalPush, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_pushes.FirstOrDefault(p => p.EventId == eventId && condition(p)) is { } push)
                {
                    return push;
                }

                next = _nextPush.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No push of {eventId} met the condition within {timeout}.");
            }

            try
            {
                await next.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Look once more, then report what was missing.
            }
        }
    }
}
