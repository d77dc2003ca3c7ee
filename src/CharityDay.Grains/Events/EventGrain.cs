using CharityDay.Contracts;

namespace CharityDay.Grains.Events;

/// <summary>
/// Owns an event's configuration and lifecycle. Readers get the last definition that reached
/// storage, never one being written, so <see cref="GetAsync"/> can interleave freely. Desks hold a
/// copy for admission; a change of status or desks is awaited by every desk before it is answered.
/// Rehearsals have their own commands (<c>EventGrain.Rehearsal.cs</c>).
/// </summary>
public sealed partial class EventGrain(
    [PersistentState("event", "store")] IPersistentState<EventState> state) : Grain, IEventGrain
{
    private EventDefinition? _published;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is { } stored && stored.Desks.Any(d => d.LegacyAccessCode is not null))
        {
            // Stored before codes were hashed: hash them now, so no clear code stays in storage.
            state.State.Definition = stored with
            {
                Desks = [.. stored.Desks.Select(d => d.LegacyAccessCode is { } code
                    ? d with { LegacyAccessCode = null, Credential = d.Credential ?? AccessCodes.Hash(code) }
                    : d)],
            };
            await state.WriteStateAsync(cancellationToken);
        }

        _published = state.State.Definition;
    }

    public Task<EventDefinition?> GetAsync() => Task.FromResult(_published);

    public async Task<EventChange> CreateAsync(EventSetup setup, int onlineShards)
    {
        if (state.State.Definition is not null)
        {
            // Registered again in case the first create stopped between its write and the directory's.
            await GrainFactory.GetGrain<IEventDirectoryGrain>(0).RegisterAsync(state.State.Definition.EventId);
            return EventChange.Failed(EventChangeKind.EventExists);
        }

        var created = new EventDefinition(
            this.GetPrimaryKeyString(), setup.Title, setup.GoalFen, setup.TiersFen, setup.MilestonesFen,
            EventStatus.Draft, [], onlineShards, Revision: 1, ScreenSettings.Default, TimeZone: setup.TimeZone ?? EventTimeZone.Default);
        var change = await SaveAsync(created);
        await GrainFactory.GetGrain<IEventDirectoryGrain>(0).RegisterAsync(created.EventId);
        return change;
    }

    public async Task<EventChange> UpdateAsync(EventSetup setup) =>
        state.State.Definition is not { } current
            ? EventChange.Failed(EventChangeKind.EventNotFound)
            : await SaveAsync(current with
            {
                Title = setup.Title,
                GoalFen = setup.GoalFen,
                TiersFen = setup.TiersFen,
                MilestonesFen = setup.MilestonesFen,
                TimeZone = setup.TimeZone ?? current.TimeZone,
                Revision = current.Revision + 1,
            });

    public async Task<EventChange> SetScreenAsync(ScreenSettings screen) =>
        state.State.Definition is not { } current
            ? EventChange.Failed(EventChangeKind.EventNotFound)
            : await SaveAsync(current with { Screen = screen, Revision = current.Revision + 1 });

    public async Task<EventChange> ChangeShowAsync(ShowChange change) =>
        state.State.Definition is not { } current
            ? EventChange.Failed(EventChangeKind.EventNotFound)
            : await SaveAsync(current with { Show = change.ApplyTo(current.ShowOrDefault), Revision = current.Revision + 1 });

    public async Task<EventChange> SetStatusAsync(EventStatus status)
    {
        if (state.State.Definition is not { } current)
        {
            return EventChange.Failed(EventChangeKind.EventNotFound);
        }

        if ((current.Status == EventStatus.Closed && status == EventStatus.Live) || InvolvesRehearsal(current, status))
        {
            return new EventChange(EventChangeKind.StatusRefused, current);
        }

        if (current.Status == status)
        {
            // A repeat (the admin retrying after a 503) tells the desks again: one of them may have missed it.
            await TellDesksAsync(current);
            return new EventChange(EventChangeKind.Done, current);
        }

        return await SaveAsync(current with { Status = status, Revision = current.Revision + 1 });
    }

    public async Task<EventChange> ReopenAsync() => state.State.Definition switch
    {
        null => EventChange.Failed(EventChangeKind.EventNotFound),
        { Status: not EventStatus.Closed } current => new EventChange(EventChangeKind.StatusRefused, current),
        { } current => await SaveAsync(current with { Status = EventStatus.Live, Revision = current.Revision + 1 }),
    };

    public async Task<EventChange> AddDeskAsync(string deskId, string name, DeskCredential credential)
    {
        if (state.State.Definition is not { } current)
        {
            return EventChange.Failed(EventChangeKind.EventNotFound);
        }

        if (current.Desks.Any(d => d.DeskId == deskId))
        {
            await TellDesksAsync(current); // as for a repeated status change
            return new EventChange(EventChangeKind.DeskExists, current);
        }

        var desk = new DeskInfo(deskId, name, LegacyAccessCode: null, credential);
        return await SaveAsync(current with { Desks = current.Desks.Add(desk), Revision = current.Revision + 1 });
    }

    public Task<EventChange> SetDeskCodeAsync(string deskId, DeskCredential credential) =>
        ChangeDeskAsync(deskId, desk => desk with { Credential = credential });

    public Task<EventChange> RevokeDeskTokensAsync(string deskId) =>
        ChangeDeskAsync(deskId, desk => desk with { TokenGeneration = desk.TokenGeneration + 1 });

    private async Task<EventChange> ChangeDeskAsync(string deskId, Func<DeskInfo, DeskInfo> change)
    {
        if (state.State.Definition is not { } current)
        {
            return EventChange.Failed(EventChangeKind.EventNotFound);
        }

        return current.Desks.FirstOrDefault(d => d.DeskId == deskId) is { } desk
            ? await SaveAsync(current with { Desks = current.Desks.Replace(desk, change(desk)), Revision = current.Revision + 1 })
            : new EventChange(EventChangeKind.DeskNotFound, current);
    }

    private async Task<EventChange> SaveAsync(EventDefinition next)
    {
        var previous = state.State.Definition;
        state.State.Definition = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Definition = previous;
            throw;
        }

        _published = next;

        // One-way: the total grain may be asking this grain for the definition while activating.
        await GrainFactory.GetGrain<IEventTotalGrain>(next.EventId).EventChangedAsync(next);
        if (previous is not null && (previous.Status != next.Status || previous.Desks.Length != next.Desks.Length))
        {
            await TellDesksAsync(next);
        }

        return new EventChange(EventChangeKind.Done, next);
    }

    /// <summary>
    /// Waits until every desk holds the new definition, so once a close is answered no desk admits
    /// another pledge and every batch admitted before it is written. Desks learn changes only this way
    /// (a desk activated later reads the definition itself), so a desk that cannot be told fails the
    /// admin's request: the change is stored, and repeating the request tells the desks again.
    /// </summary>
    private Task TellDesksAsync(EventDefinition next) =>
        Task.WhenAll(next.LedgerDeskIds.Select(desk =>
            GrainFactory.GetGrain<IPledgeDeskGrain>(GrainKeys.Desk(next.EventId, desk)).EventChangedAsync(next)));
}
