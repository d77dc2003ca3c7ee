using CharityDay.Contracts;

namespace CharityDay.Grains.Tests;

/// <summary>
/// Stands in for the SignalR hub: keeps every push the total grain sends, in order, with its audience
/// and when it was sent, and wakes tests that wait for a particular push instead of letting them sleep.
/// </summary>
public sealed class RecordingBroadcaster : ILiveBroadcaster
{
    private readonly Lock _gate = new();
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly List<(LiveAudience Audience, TotalPush Push, TimeSpan At)> _pushes = [];
    private TaskCompletionSource _nextPush = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Push(LiveAudience audience, TotalPush push)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _pushes.Add((audience, push, TimeProvider.System.GetElapsedTime(_started)));
            arrived = _nextPush;
            _nextPush = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
    }

    /// <summary>The pushes of one event to one audience so far, in the order the total grain sent them.</summary>
    public IReadOnlyList<TotalPush> PushesOf(string eventId, LiveAudience audience = LiveAudience.Screens) =>
        [.. TimedPushesOf(eventId, audience).Select(p => p.Push)];

    /// <summary>The same, each with the time it was sent (since this broadcaster was made).</summary>
    public IReadOnlyList<(TotalPush Push, TimeSpan At)> TimedPushesOf(string eventId, LiveAudience audience)
    {
        lock (_gate)
        {
            return [.. _pushes.Where(p => p.Audience == audience && p.Push.EventId == eventId).Select(p => (p.Push, p.At))];
        }
    }

    /// <summary>The first push of the event to the audience that meets the condition, waiting for it until the deadline.</summary>
    public async Task<TotalPush> WaitForPushAsync(
        string eventId, Func<TotalPush, bool> condition, TimeSpan timeout, LiveAudience audience = LiveAudience.Screens)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_pushes.FirstOrDefault(p => p.Audience == audience && p.Push.EventId == eventId && condition(p.Push)) is { Push: { } push })
                {
                    return push;
                }

                next = _nextPush.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No push of {eventId} to {audience} met the condition within {timeout}.");
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
