using CharityDay.Contracts;

namespace CharityDay.Grains.Desks;

/// <summary>
/// The event definition a desk holds so that admitting a batch costs no call: read when the desk
/// activates, then replaced each time the event grain tells the desk of a change (which it does for
/// every change of status or desks, and waits for). Older revisions never replace newer ones.
/// </summary>
internal sealed class DeskAdmission(string deskId, PledgeChannel channel)
{
    public EventDefinition? Definition { get; private set; }

    /// <summary>The ledger run new pledges go to: a rehearsal's while in rehearsal, else the real night's.</summary>
    public int Run => Definition?.CurrentRun ?? EventDefinition.LiveRun;

    /// <summary>Takes the definition if it is newer; true when pledges were admitted before and are not now.</summary>
    public bool Adopt(EventDefinition? definition)
    {
        if (definition is null || (Definition is not null && definition.Revision <= Definition.Revision))
        {
            return false;
        }

        var wasAdmitting = Refusal() is null;
        Definition = definition;
        return wasAdmitting && Refusal() is not null;
    }

    /// <summary>Why a new pledge is refused now, or null when it is admitted.</summary>
    public PledgeOutcomeKind? Refusal() => Definition switch
    {
        null => PledgeOutcomeKind.EventNotFound,
        { Status: not (EventStatus.Live or EventStatus.Rehearsal) } => PledgeOutcomeKind.EventNotLive,
        { } definition when channel == PledgeChannel.Stage && !definition.Desks.Any(d => d.DeskId == deskId) => PledgeOutcomeKind.DeskNotFound,
        _ => null,
    };
}
