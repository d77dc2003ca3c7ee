using CsCheck;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// Path segments for ids: mostly the scene's own, sometimes one that names nothing — another case,
/// percent-escaped slashes, NUL and non-ASCII, dot segments, and one long enough to pass the URL limit.
/// </summary>
internal static class FuzzPaths
{
    private static readonly string[] Strangers =
    [
        "no-such-thing", "UPPER-CASE", "%E6%B4%BB%E5%8A%A8", "a%2Fb", "%2e%2e", "..%2F..%2Fapi", "%F0%9F%98%80", "%ZZ",
        "x%20y", "%E2%80%8B", "%ED%A0%80", "online-0", "-", "_", "%C0%AF",
    ];

    // No %00: the in-memory client cannot send it (TestHost throws before the server sees it); Kestrel refuses it with 400.

    /// <summary>The scene's segment <paramref name="own"/> (seven times in eight, with <paramref name="ownExpect"/>), else one that must be refused.</summary>
    public static Gen<(string Label, Expect Expect, string Segment)> Segment(string own, Expect ownExpect = Expect.Accept) => Gen.Frequency(
        (14, Gen.Const((own, ownExpect, own))),
        (1, Gen.OneOf(Strangers).Select(s => ($"stranger {s}", Expect.Refuse, s))),
        (1, Gen.OneOf(
            Gen.Int[41, 400].Select(n => ($"{n}-char id", Expect.Refuse, new string('e', n))),
            Gen.Int[8 * 1024, 9 * 1024].Select(n => ($"{n}-char id (URL limit 8 KB)", Expect.Refuse, new string('e', n))),
            Gen.Const((own.ToUpperInvariant(), Expect.Refuse, own.ToUpperInvariant())),
            Gen.Const((own + "%20", Expect.Refuse, own + "%20")))));

    public static Gen<FuzzPath> Event(string eventId, Func<string, string> rest, Expect ownExpect = Expect.Accept) =>
        Segment(eventId, ownExpect).Select(s => new FuzzPath("event " + s.Label, s.Expect, $"/api/events/{s.Segment}{rest(s.Segment)}"));

    /// <summary>
    /// Who sends the request: the route's own caller seven times in eight, else another, who must be
    /// refused unless listed in <paramref name="mayAlso"/>. (A part that does not decide is <see cref="Expect.Accept"/>.)
    /// </summary>
    public static Gen<(Caller Caller, Expect Expect)> Callers(Caller own, params Caller[] mayAlso) => Gen.Frequency(
        (14, Gen.Const((own, Expect.Accept))),
        (2, Gen.OneOf(Enum.GetValues<Caller>().Where(c => c != own).ToArray()).Select(c => (c, mayAlso.Contains(c) ? Expect.Accept : Expect.Refuse))));
}
