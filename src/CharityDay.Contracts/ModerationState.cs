namespace CharityDay.Contracts;

/// <summary>Where a donor's name stands with the moderator: held (the default), on the wall, or kept off it.</summary>
public enum ModerationState
{
    Pending = 0,
    Approved = 1,
    Hidden = 2,
}
