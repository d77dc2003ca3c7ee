using CharityDay.Contracts;

namespace CharityDay.Grains.Desks;

/// <summary>A request waiting on a desk's next group commit; its sender is acknowledged when it completes.</summary>
internal abstract class PendingWork
{
    public abstract string PledgeId { get; }

    public abstract void Fail(Exception error);
}

internal sealed class PendingPledge(PledgeDraft draft) : PendingWork
{
    public PledgeDraft Draft { get; } = draft;

    public override string PledgeId => Draft.PledgeId;

    public TaskCompletionSource<PledgeOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}

internal sealed class PendingVoid(string pledgeId, string reason, string voidedBy) : PendingWork
{
    public override string PledgeId { get; } = pledgeId;

    public string Reason { get; } = reason;

    public string VoidedBy { get; } = voidedBy;

    public TaskCompletionSource<VoidOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}
