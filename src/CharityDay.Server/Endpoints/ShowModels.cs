using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>The scene the controller puts on the big screen (<see cref="TierFen"/> names a tier round's tier), or only <see cref="HoldCelebrations"/>, leaving the scene as it is.</summary>
public sealed record ShowRequest(SceneKind? Scene, long? TierFen, bool? HoldCelebrations);

/// <summary>A milestone the total has reached, to celebrate on every big screen now.</summary>
public sealed record CelebrationRequest(long? MilestoneFen);
