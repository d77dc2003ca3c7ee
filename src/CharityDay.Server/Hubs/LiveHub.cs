using CharityDay.Contracts;
using CharityDay.Server.Endpoints;
using Microsoft.AspNetCore.SignalR;

namespace CharityDay.Server.Hubs;

/// <summary>
/// <c>/hubs/live</c>: screens and viewers call <see cref="Watch"/> after every (re)connect, get the full
/// snapshot back and then receive coalesced <see cref="TotalPush"/> messages as <c>total</c>.
/// </summary>
public sealed class LiveHub(IGrainFactory grains) : Hub
{
    public const string TotalMethod = "total";

    public static string GroupName(string eventId) => "event:" + eventId;

    public async Task<TotalSnapshot> Watch(string eventId)
    {
        if (!InputRules.IsSlug(eventId) || await grains.GetGrain<IEventGrain>(eventId).GetAsync() is null)
        {
            throw new HubException("活动不存在 (event not found)");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(eventId));
        return await grains.GetGrain<IEventTotalGrain>(eventId).GetSnapshotAsync();
    }

    public Task Unwatch(string eventId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(eventId));
}
