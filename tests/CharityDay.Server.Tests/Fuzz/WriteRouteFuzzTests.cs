using CsCheck;
using Xunit.Abstractions;
using static CharityDay.Server.Tests.Fuzz.BodyField;
using Q = CharityDay.Server.Tests.Fuzz.JsonValues;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// Property-based fuzz of every write route (issue 10): generated bodies, paths and callers, valid ones
/// mixed with mutations of them. For every input: no 5xx; a refusal is problem+json naming a field
/// (unless its status speaks for itself) and leaves the ledger, the total, the event definitions and the
/// stored orders as they were; an input that must be taken is taken. Routes whose refusals are not ours
/// to shape (the provider's notices, the demo cashier's page) are in <c>PaymentFuzzTests</c>.
/// </summary>
public sealed class WriteRouteFuzzTests(FuzzScene scene, ITestOutputHelper output) : IClassFixture<FuzzScene>
{
    private const long Intake = 16 * 1024;
    private const long SetUp = 64 * 1024;
    private const long MaxAmountFen = 100_000_000_000;
    private const long MaxOnlineFen = 5_000_000;
    private const long MaxGoalFen = long.MaxValue / 4;

    private static readonly Caller[] Anyone = Enum.GetValues<Caller>();

    private static readonly Gen<string> NewSlug = Gen.Guid.Select(id => $"\"fz-{id:N}\""[..14] + "\"");

    private Task FuzzAsync(string route, HttpMethod method, Gen<FuzzPath> paths, Gen<(Caller, Expect)> callers, Gen<FuzzBody> bodies) =>
        FuzzRun.SampleAsync(FuzzRun.Requests(route, method, paths, callers, bodies), r => scene.CheckAsync(r), output, route, () => scene.TakeTally(route));

    /// <summary>For a route that reads no body: whatever is sent, the path and the caller decide (past the size limit, 413 all the same).</summary>
    private static Gen<FuzzBody> Ignored(long limitBytes) => Gen.Frequency(
        (1, Gen.Const(FuzzBody.None)),
        (2, BodyShape.Of(limitBytes, Text("note", 200, optional: true)).Generator.Select(b => b with { Expect = b.Bytes.Length > limitBytes ? Expect.Refuse : Expect.Either })));

    [Fact]
    public Task Desk_sign_in() => FuzzAsync("sign-in", HttpMethod.Post,
        Gen.Const(new FuzzPath("/api/auth/desk", Expect.Accept, "/api/auth/desk")),
        FuzzPaths.Callers(Caller.Anonymous, Anyone),
        BodyShape.Of(Intake,
            Slug("eventId", Gen.Const(Q.Quote(scene.MainEventId))),
            Slug("deskId", Gen.Const("\"desk-a\"")),
            new BodyField("accessCode", FieldKind.Text, Gen.Const(Q.Quote(scene.DeskCode)), MaxLength: 64)).Generator);

    [Fact]
    public Task Event_creation() => FuzzAsync("create-event", HttpMethod.Post,
        Gen.Const(new FuzzPath("/api/events", Expect.Accept, "/api/events")),
        FuzzPaths.Callers(Caller.Admin),
        BodyShape.Of(SetUp, Slug("id", NewSlug), Text("title", 100, optional: false), Amount("goalFen", MaxGoalFen),
            Amounts("tiersFen", MaxAmountFen), Amounts("milestonesFen", MaxGoalFen)).Generator);

    [Fact]
    public Task Event_set_up() => FuzzAsync("set-up", HttpMethod.Put,
        FuzzPaths.Event(scene.MainEventId, _ => ""),
        FuzzPaths.Callers(Caller.Admin),
        BodyShape.Of(SetUp, Text("title", 100, optional: false), Amount("goalFen", MaxGoalFen),
            Amounts("tiersFen", MaxAmountFen), Amounts("milestonesFen", MaxGoalFen)).Generator);

    [Fact]
    public Task Screen_settings() => FuzzAsync("screen", HttpMethod.Put,
        FuzzPaths.Event(scene.MainEventId, _ => "/screen"),
        FuzzPaths.Callers(Caller.Admin),
        BodyShape.Of(SetUp, Text("roundTitle", 100, optional: true), Flag("showDonorNames")).Generator);

    [Fact]
    public Task Open_close_reopen() => FuzzAsync("lifecycle", HttpMethod.Post,
        Gen.SelectMany(Gen.OneOf("open", "close", "reopen"), action =>
            FuzzPaths.Event(scene.SpareEventId, _ => "/" + action, Expect.Either).Select(p => p with { Label = $"{action}, {p.Label}" })),
        FuzzPaths.Callers(Caller.Admin),
        Ignored(SetUp));

    [Fact]
    public Task Desk_creation() => FuzzAsync("add-desk", HttpMethod.Post,
        FuzzPaths.Event(scene.MainEventId, _ => "/desks"),
        FuzzPaths.Callers(Caller.Admin),
        BodyShape.Of(SetUp, Slug("deskId", NewSlug), Text("name", 64, optional: false)).Generator);

    [Fact]
    public Task Desk_code_rotation_and_revocation() => FuzzAsync("desk-access", HttpMethod.Post,
        Gen.SelectMany(Gen.OneOf("code", "revoke"), FuzzPaths.Segment("desk-z"), (action, desk) =>
            FuzzPaths.Event(scene.MainEventId, _ => $"/desks/{desk.Segment}/{action}", desk.Expect).Select(p => p with { Label = $"{action}, desk {desk.Label}, {p.Label}" })),
        FuzzPaths.Callers(Caller.Admin),
        Ignored(SetUp));

    [Fact]
    public Task Stage_pledges() => FuzzAsync("pledge", HttpMethod.Post,
        FuzzPaths.Event(scene.MainEventId, _ => "/pledges"),
        FuzzPaths.Callers(Caller.Desk),
        BodyShape.Of(Intake, ClientId("pledgeId"), Slug("deskId", Gen.Const("\"desk-a\"")), Amount("amountFen", MaxAmountFen),
            Text("donorName", 64, optional: false), DonorKind, Flag("anonymous", "false"),
            Text("representative", 64, optional: true), Text("note", 200, optional: true)).Generator);

    [Fact]
    public Task Voids() => FuzzAsync("void", HttpMethod.Post,
        Gen.SelectMany(FuzzPaths.Segment(scene.SeededPledgeId), pledge =>
            FuzzPaths.Event(scene.MainEventId, _ => $"/pledges/{pledge.Segment}/void", pledge.Expect).Select(p => p with { Label = $"pledge {pledge.Label}, {p.Label}" })),
        FuzzPaths.Callers(Caller.Desk, Caller.Admin),
        BodyShape.Of(Intake, Text("reason", 200, optional: false)).Generator);

    [Fact]
    public Task Donation_orders() => FuzzAsync("donation", HttpMethod.Post,
        FuzzPaths.Event(scene.MainEventId, _ => "/donations"),
        FuzzPaths.Callers(Caller.Anonymous, Anyone),
        BodyShape.Of(Intake, ClientId("donationId"), Amount("amountFen", MaxOnlineFen), Text("donorName", 64, optional: true),
            Flag("anonymous"), Text("message", 200, optional: true)).Generator);
}
