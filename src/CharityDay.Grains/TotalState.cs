namespace CharityDay.Grains;

/// <summary>
/// What the total grain persists: only the milestones already celebrated, so a screen celebrates each
/// once even across restarts. Everything else is rebuilt from the desks.
/// </summary>
[GenerateSerializer]
public sealed class TotalState
{
    [Id(0)]
    public List<long> MilestonesReached { get; set; } = [];
}
