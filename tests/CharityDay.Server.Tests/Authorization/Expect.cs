using System.Net;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// The answer a route owes each <see cref="Caller"/>: one status per caller, declared by who the
/// route is for. Whoever is not let in gets 401 without a valid credential (a tampered token or key
/// is no credential) and 403 with a credential that is not enough.
/// </summary>
internal sealed class Expect
{
    private readonly Dictionary<Caller, HttpStatusCode> _statuses;

    private Expect(Dictionary<Caller, HttpStatusCode> statuses) => _statuses = statuses;

    public HttpStatusCode this[Caller caller] => _statuses[caller];

    /// <summary>A public route: every caller, signed in or not, gets <paramref name="status"/>.</summary>
    public static Expect Anyone(HttpStatusCode status) => Only(status, Enum.GetValues<Caller>());

    /// <summary>The admin's: the admin gets <paramref name="status"/>, every operator 403.</summary>
    public static Expect AdminOnly(HttpStatusCode status) => Only(status, Caller.Admin);

    /// <summary>Desk A's own: its operator gets <paramref name="status"/>; another desk, another event and the admin 403.</summary>
    public static Expect ThisDeskOnly(HttpStatusCode status) => Only(status, Caller.ThisDesk);

    /// <summary>Desk A's or the admin's: both get <paramref name="status"/>; another desk and another event 403.</summary>
    public static Expect ThisDeskOrAdmin(HttpStatusCode status) => Only(status, Caller.ThisDesk, Caller.Admin);

    /// <summary>E's moderator's or the admin's: both get <paramref name="status"/>; desks and another event's moderator 403.</summary>
    public static Expect ModeratorOrAdmin(HttpStatusCode status) => Only(status, Caller.Moderator, Caller.Admin);

    private static Expect Only(HttpStatusCode status, params Caller[] allowed) => new(Enum.GetValues<Caller>().ToDictionary(
        caller => caller,
        caller => allowed.Contains(caller) ? status
            : caller is Caller.Anonymous or Caller.TamperedToken or Caller.TamperedAdminKey ? HttpStatusCode.Unauthorized
            : HttpStatusCode.Forbidden));
}
