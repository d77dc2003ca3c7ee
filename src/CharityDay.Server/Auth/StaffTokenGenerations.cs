using CharityDay.Contracts;
using CharityDay.Server.Hosting;

namespace CharityDay.Server.Auth;

/// <summary>Each staff role's current token generation as this node last read it from the event's staff access grain (<see cref="TokenGenerations"/>).</summary>
public sealed class StaffTokenGenerations(IGrainFactory grains, [FromKeyedServices(RateLimits.ClockKey)] TimeProvider clock) : TokenGenerations(clock)
{
    protected override async Task<IReadOnlyDictionary<string, long>?> ReadGenerationsAsync(string eventId) =>
        (await grains.GetGrain<IStaffAccessGrain>(eventId).GetAsync())
            .ToDictionary(r => StaffRoles.Name(r.Role), r => r.TokenGeneration, StringComparer.Ordinal);
}
