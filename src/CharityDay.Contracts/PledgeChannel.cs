namespace CharityDay.Contracts;

/// <summary>Where a pledge came from: a placard on stage or a donor's phone.</summary>
public enum PledgeChannel
{
    Stage = 0,
    Online = 1,
}
