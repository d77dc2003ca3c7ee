namespace CharityDay.Contracts;

/// <summary>
/// The event-scoped staff roles beyond desks and the admin: each signs in with its own access code,
/// which the admin issues and rotates like a desk's (JSON: the camelCase name).
/// </summary>
public enum StaffRole
{
    /// <summary>Approves, hides and corrects donor names before they reach the wall.</summary>
    Moderator = 0,

    /// <summary>Switches the big screen's scene and triggers milestone celebrations.</summary>
    Controller = 1,
}
