namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// What became of one fault of the plan while the run went on: when it really started and ended (phase
/// seconds, warm-up included, like every per-second figure), which nodes it hit, and any failure.
/// </summary>
internal sealed class FaultRecord(ChaosFault fault)
{
    public ChaosFault Fault { get; } = fault;

    /// <summary>When the first command of the fault began; null if it never did.</summary>
    public double? StartedAt { get; set; }

    /// <summary>When the fault's last command returned (a restarted node is ready, Redis runs again).</summary>
    public double? EndedAt { get; set; }

    /// <summary>The nodes it killed or restarted, in order.</summary>
    public List<int> Nodes { get; } = [];

    /// <summary>What the harness saw when it chose (e.g. the grains per node for <c>busiest</c>).</summary>
    public string? Note { get; set; }

    /// <summary>Why the fault was not carried out in full; null when it was.</summary>
    public string? Error { get; set; }
}
