using CharityDay.Contracts;
using CharityDay.Server.Hosting;

namespace CharityDay.Server.Auth;

/// <summary>Each desk's current token generation as this node last read it from the event grain (<see cref="TokenGenerations"/>).</summary>
public sealed class DeskTokenGenerations(IGrainFactory grains, [FromKeyedServices(RateLimits.ClockKey)] TimeProvider clock) : TokenGenerations(clock)
{
    protected override async Task<IReadOnlyDictionary<string, long>?> ReadGenerationsAsync(string eventId) =>
        await grains.GetGrain<IEventGrain>(eventId).GetAsync() is { } definition
            ? definition.Desks.ToDictionary(d => d.DeskId, d => d.TokenGeneration, StringComparer.Ordinal)
            : null;
}
