using System.Collections.Immutable;
using CharityDay.Contracts;

namespace CharityDay.Grains.Staff;

/// <summary>
/// An event's staff access codes, apart from the event grain's desks: a role's code is issued or
/// rotated by the admin, and a revoke moves its token generation on so every token issued before is
/// refused. Readers get what last reached storage, so <see cref="GetAsync"/> interleaves freely.
/// </summary>
public sealed class StaffAccessGrain([PersistentState("staff", "store")] IPersistentState<StaffAccessState> state) : Grain, IStaffAccessGrain
{
    private ImmutableArray<StaffCredential> _published;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _published = state.State.Roles;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<StaffCredential>> GetAsync() => Task.FromResult(_published);

    public async Task<StaffCredential> SetCodeAsync(StaffRole role, DeskCredential credential)
    {
        var known = Find(role);
        var next = new StaffCredential(role, credential, known?.TokenGeneration ?? 0);
        await SaveAsync(next);
        return next;
    }

    public async Task<bool> RevokeTokensAsync(StaffRole role)
    {
        if (Find(role) is not { } known)
        {
            return false;
        }

        await SaveAsync(known with { TokenGeneration = known.TokenGeneration + 1 });
        return true;
    }

    private StaffCredential? Find(StaffRole role) => state.State.Roles.FirstOrDefault(r => r.Role == role);

    private async Task SaveAsync(StaffCredential next)
    {
        var roles = state.State.Roles.RemoveAll(r => r.Role == next.Role).Add(next);
        state.State.Roles = roles;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: what readers see stays what storage holds, and the next write starts from it.
            state.State.Roles = _published;
            throw;
        }

        _published = roles;
    }
}
