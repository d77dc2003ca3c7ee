using CharityDay.Contracts;

namespace CharityDay.Server.Hubs;

/// <summary>
/// One event's pushes to one audience, sent one at a time in version order on the thread pool, by the
/// <see cref="SignalRLiveBroadcaster"/>. A push
/// offered while the previous one is still going out to thousands of sockets waits, merged with any
/// push already waiting, so the total grain never waits for the fan-out (its reports and the other
/// audience's ticks go on) and a slow audience gets fewer, larger pushes instead of a growing queue.
/// </summary>
internal sealed class PushLane(Func<TotalPush, Task> send, Action<Exception, TotalPush> onFailure)
{
    /// <summary>The most pledges a merged push carries, as many as a big-screen push.</summary>
    public const int MaxPledgesPerPush = 20;

    private readonly Lock _gate = new();
    private TotalPush? _waiting;
    private Task _sending = Task.CompletedTask;

    /// <summary>Completes when everything offered so far has been sent (or has failed).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _sending;
            }
        }
    }

    public void Offer(TotalPush push)
    {
        lock (_gate)
        {
            _waiting = _waiting is null ? push : Merge(_waiting, push);
            if (_sending.IsCompleted)
            {
                _sending = Task.Run(SendWaitingAsync);
            }
        }
    }

    /// <summary>
    /// One push that takes a client from <paramref name="earlier"/>'s previous version to
    /// <paramref name="later"/>'s version: totals are absolute, so the later ones stand, and the pledges
    /// and voids of both are kept (the newest pledges when there are too many). A feed reset in either
    /// stays a reset: a later one replaces everything before it, an earlier one takes the later pledges on top.
    /// </summary>
    public static TotalPush Merge(TotalPush earlier, TotalPush later)
    {
        if (later.FeedReset)
        {
            return later with { PreviousVersion = earlier.PreviousVersion };
        }

        var pledges = earlier.NewPledges
            .Where(pledge => !later.VoidedPledgeIds.Contains(pledge.PledgeId) && !later.NewPledges.Any(p => p.PledgeId == pledge.PledgeId))
            .Concat(later.NewPledges)
            .TakeLast(MaxPledgesPerPush);
        return later with
        {
            PreviousVersion = earlier.PreviousVersion,
            NewPledges = [.. pledges],
            VoidedPledgeIds = earlier.FeedReset ? later.VoidedPledgeIds : [.. earlier.VoidedPledgeIds.Union(later.VoidedPledgeIds)],
            FeedReset = earlier.FeedReset,
        };
    }

    private async Task SendWaitingAsync()
    {
        while (true)
        {
            TotalPush next;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    return;
                }

                next = _waiting;
                _waiting = null;
            }

            try
            {
                await send(next);
            }
            catch (Exception error)
            {
                // The next push starts from this one's version, so clients see a gap and fetch a snapshot.
                onFailure(error, next);
            }
        }
    }
}
