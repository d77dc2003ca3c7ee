using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CharityDay.Contracts;

/// <summary>
/// Keyed by event id. Holds the hashed access codes and token generations of the event's staff roles
/// (<see cref="StaffRole"/>); the clear code never reaches a grain or storage.
/// </summary>
public interface IStaffAccessGrain : IGrainWithStringKey
{
    /// <summary>Issues or replaces the role's code; tokens already issued stay valid (<see cref="RevokeTokensAsync"/> ends them).</summary>
    Task<StaffCredential> SetCodeAsync(StaffRole role, DeskCredential credential);

    /// <summary>Moves the role's token generation on; false when the role has no code yet.</summary>
    Task<bool> RevokeTokensAsync(StaffRole role);

    [AlwaysInterleave]
    Task<ImmutableArray<StaffCredential>> GetAsync();
}
