using CharityDay.Contracts;
using CharityDay.Grains;
using CharityDay.Server.Endpoints;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Hubs;

/// <summary>
/// <c>/hubs/live</c>: after every (re)connect the big screen calls <see cref="Watch"/> and a phone viewer
/// calls <see cref="Follow"/>; both get the full snapshot back (null when there is no such event) and
/// then coalesced <see cref="TotalPush"/> messages as <c>total</c>, each audience at its own pace (see
/// <see cref="LiveAudience"/>).
/// </summary>
public sealed class LiveHub(IGrainFactory grains, EventCatalog catalog) : Hub
{
    public const string TotalMethod = "total";

    public static string GroupName(string eventId, LiveAudience audience) => audience switch
    {
        LiveAudience.Screens => "event:" + eventId,
        LiveAudience.Viewers => "viewers:" + eventId,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };

    /// <summary>For the big screen: up to ten pushes a second, each with up to 20 new pledges.</summary>
    public Task<TotalSnapshot?> Watch(string eventId) => JoinAsync(eventId, LiveAudience.Screens);

    /// <summary>For a phone viewer: up to four pushes a second, each with the 5 newest pledges since the last.</summary>
    public Task<TotalSnapshot?> Follow(string eventId) => JoinAsync(eventId, LiveAudience.Viewers);

    /// <summary>
    /// An unknown event is answered with null, not an exception: anyone can send made-up ids, and a
    /// thrown hub error costs an error-level log entry with a stack trace each time.
    /// </summary>
    private async Task<TotalSnapshot?> JoinAsync(string eventId, LiveAudience audience)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return null;
        }

        // Joined before the snapshot is read, so no push between the two can be missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(eventId, audience));
        return await grains.GetGrain<IEventTotalGrain>(eventId).GetSnapshotAsync();
    }
}
