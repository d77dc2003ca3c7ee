namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// Who sends a request in the authorization matrix, relative to the route's event E and its desk A
/// (and E's moderator).
/// Declared in the order the matrix sends them: the callers a route refuses first, the ones it lets
/// in last, so a permitted state change (a close, a revoke) cannot change what a later caller sees.
/// </summary>
internal enum Caller
{
    /// <summary>No Authorization header: a phone, a viewer, the internet.</summary>
    Anonymous,

    /// <summary>Desk A's token with the last character of its signature changed.</summary>
    TamperedToken,

    /// <summary>The admin key with its last character changed.</summary>
    TamperedAdminKey,

    /// <summary>The operator signed in to the desk of another event F that has desk A's id.</summary>
    OtherEvent,

    /// <summary>The operator signed in to desk B of event E.</summary>
    OtherDesk,

    /// <summary>The moderator signed in to event F.</summary>
    OtherEventModerator,

    /// <summary>The moderator signed in to event E: moderates E's names, and does nothing else.</summary>
    Moderator,

    /// <summary>The operator signed in to desk A of event E: "this desk".</summary>
    ThisDesk,

    /// <summary>The event admin's key.</summary>
    Admin,
}
