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
/// to shape (the provider's notices, the demo cashier's page) are in <see cref="PaymentFuzzTests"/>.
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

    /// <summary>Forms for the demo cashier's 「模拟支付」 button: its own, foreign return addresses, malformed, multipart, too big.</summary>
    private static readonly Gen<FuzzBody> CashierForms = Gen.OneOf(
        Gen.Const(FuzzBody.None),
        Gen.OneOf("back=http%3A%2F%2Flocalhost%2Fe%2Fx", "back=https%3A%2F%2Fevil.example%2F", "back=javascript%3Aalert(1)", "back=%ZZ", "back", "=&&=&",
                "back=" + new string('a', 5000), "back=%E2%80%AE", "back=%00")
            .Select(form => FuzzBody.Text("form " + form[..Math.Min(40, form.Length)], Expect.Either, form, "application/x-www-form-urlencoded")),
        Gen.OneOf("--x\r\nContent-Disposition: form-data; name=\"back\"\r\n\r\n/e/x\r\n--x--\r\n", "--x\r\n", "--x", "garbage", "")
            .Select(form => FuzzBody.Text("multipart " + form.Replace("\r\n", " ", StringComparison.Ordinal), Expect.Either, form, "multipart/form-data; boundary=x")),
        Gen.OneOf("multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=nonsense")
            .Select(type => FuzzBody.Text($"declared {type}", Expect.Either, "--x--", type)),
        Gen.Int[(int)Intake + 1, 3 * (int)Intake].Select(n => FuzzBody.Text($"{n}-byte form (limit {Intake})", Expect.Refuse, "back=" + new string('a', n), "application/x-www-form-urlencoded")));

    private Task FuzzAsync(string route, HttpMethod method, Gen<FuzzPath> paths, Gen<(Caller, Expect)> callers, Gen<FuzzBody> bodies, bool problemJson = true) =>
        FuzzRun.SampleAsync(FuzzRun.Requests(route, method, paths, callers, bodies), r => scene.CheckAsync(r, problemJson), output, route, () => scene.TakeTally(route));

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
    public Task Similar_pledge_questions() => FuzzAsync("similar-pledges", HttpMethod.Post,
        FuzzPaths.Event(scene.MainEventId, _ => "/pledges/similar"),
        FuzzPaths.Callers(Caller.Desk),
        BodyShape.Of(Intake, Slug("deskId", Gen.Const("\"desk-a\"")), Text("donorName", 64, optional: false), Amount("amountFen", MaxAmountFen)).Generator);

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

    /// <summary>The 演示收银台 answers people, not programs: its refusals are HTML pages by design, so only "no 5xx, nothing changed" applies.</summary>
    [Fact]
    public Task Demo_cashier() => FuzzAsync("demo-cashier", HttpMethod.Post,
        FuzzPaths.Segment(scene.DemoOrderNo, Expect.Either).Select(s => new FuzzPath("order " + s.Label, s.Expect, "/pay/demo/" + s.Segment)),
        FuzzPaths.Callers(Caller.Anonymous, Anyone),
        CashierForms,
        problemJson: false);
}
