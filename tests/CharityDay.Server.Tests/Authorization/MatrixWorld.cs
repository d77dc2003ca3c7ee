using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// What one route's row runs against, made afresh for each row so no row's state change reaches
/// another: live event E with desks A and B, live event F with a desk also named A (so a check that
/// forgets the event is caught), a token for each desk and each event's moderator, and the credentials of every <see cref="Caller"/>. Rows that use something up (a pledge to void, an
/// order to pay) make a new one for each caller.
/// </summary>
internal sealed class MatrixWorld
{
    public const string DeskA = "desk-a";
    public const string DeskB = "desk-b";

    private static int s_worlds;

    private readonly CharityDayApp _app;
    private readonly Dictionary<Caller, AuthenticationHeaderValue?> _credentials = [];

    private MatrixWorld(CharityDayApp app, string prefix)
    {
        _app = app;
        E = prefix + "-e";
        F = prefix + "-f";
    }

    /// <summary>The route's event: desks A (this desk) and B (another desk).</summary>
    public string E { get; }

    /// <summary>Another event, whose one desk has desk A's id.</summary>
    public string F { get; }

    /// <summary>Desk A's access code.</summary>
    public string CodeA { get; private set; } = "";

    /// <summary>E's moderator's access code.</summary>
    public string ModeratorCode { get; private set; } = "";

    public static async Task<MatrixWorld> CreateAsync(CharityDayApp app)
    {
        var world = new MatrixWorld(app, $"authz-{Interlocked.Increment(ref s_worlds)}");
        var codesE = await app.CreateLiveEventAsync(world.E, DeskA, DeskB);
        var codesF = await app.CreateLiveEventAsync(world.F, DeskA);
        world.CodeA = codesE[DeskA];
        var tokenA = await world.SignInAsync(world.E, DeskA, codesE[DeskA]);
        world._credentials[Caller.Anonymous] = null;
        // The last character: the one whose change may touch only the base64 padding bits, the change most likely to slip through.
        world._credentials[Caller.TamperedToken] = Bearer(Tampered(tokenA));
        world._credentials[Caller.TamperedAdminKey] = Bearer(Tampered(CharityDayApp.AdminKey));
        world._credentials[Caller.OtherEvent] = Bearer(await world.SignInAsync(world.F, DeskA, codesF[DeskA]));
        world._credentials[Caller.OtherDesk] = Bearer(await world.SignInAsync(world.E, DeskB, codesE[DeskB]));
        world.ModeratorCode = await Moderators.IssueCodeAsync(app, world.E);
        world._credentials[Caller.OtherEventModerator] = Bearer(await Moderators.TokenAsync(app, world.F, await Moderators.IssueCodeAsync(app, world.F)));
        world._credentials[Caller.Moderator] = Bearer(await Moderators.TokenAsync(app, world.E, world.ModeratorCode));
        world._credentials[Caller.ThisDesk] = Bearer(tokenA);
        world._credentials[Caller.Admin] = Bearer(CharityDayApp.AdminKey);
        return world;
    }

    public AuthenticationHeaderValue? Credential(Caller caller) => _credentials[caller];

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A new pledge recorded at desk A of E; its id.</summary>
    public async Task<string> PledgeAtDeskAAsync()
    {
        var id = NewId();
        using var desk = _app.Anonymous();
        desk.DefaultRequestHeaders.Authorization = _credentials[Caller.ThisDesk];
        (await desk.PostAsJsonAsync($"/api/events/{E}/pledges", Pledges.Stage(DeskA, 500_00, id))).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A new online order for E, awaiting payment: its donation id and order number.</summary>
    public async Task<(string DonationId, string OrderNo)> OrderAsync()
    {
        using var phone = _app.Anonymous();
        var order = await Donations.OrderAsync(phone, E, Donations.Body(100_00, "网友"));
        return (order.GetProperty("donationId").GetString()!, order.GetProperty("orderNo").GetString()!);
    }

    /// <summary>A new draft event of the admin's, in rehearsal when <paramref name="rehearsing"/>: E has been live and may not rehearse.</summary>
    public async Task<string> DraftAsync(bool rehearsing)
    {
        var id = E + "-d-" + NewId()[..12];
        using var admin = _app.Admin();
        (await admin.PostAsJsonAsync("/api/events", new { id, title = "彩排晚会", goalFen = 100_000_000L })).EnsureSuccessStatusCode();
        if (rehearsing)
        {
            (await admin.PostAsync($"/api/events/{id}/rehearse", null)).EnsureSuccessStatusCode();
        }

        return id;
    }

    /// <summary>Closes E (a repeat is harmless).</summary>
    public async Task CloseAsync()
    {
        using var admin = _app.Admin();
        (await admin.PostAsync($"/api/events/{E}/close", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Negotiates a hub connection as <paramref name="caller"/>; its connection token.</summary>
    public async Task<string> NegotiateAsync(Caller caller)
    {
        using var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = _credentials[caller];
        var answer = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString()!;
    }

    private async Task<string> SignInAsync(string eventId, string deskId, string code)
    {
        using var client = await _app.OperatorAsync(eventId, deskId, code);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private static AuthenticationHeaderValue Bearer(string value) => new("Bearer", value);

    /// <summary>
    /// <paramref name="text"/> with its last character replaced by its neighbour in the base64url alphabet
    /// (the value with the lowest bit flipped): for a signature that ends in padding bits, the same bytes.
    /// </summary>
    internal static string Tampered(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return text[..^1] + Alphabet[Alphabet.IndexOf(text[^1], StringComparison.Ordinal) ^ 1];
    }
}
