using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>
/// A live event whose ledger already holds a pledge, a desk client for it, and the checks every refusal
/// must pass: a problem+json answer naming the field, and the ledger and total as they were before.
/// One scene per server (desk sign-ins are rate-limited); tests of one class run one at a time.
/// </summary>
internal sealed class RefusalScene
{
    private static readonly ConditionalWeakTable<CharityDayApp, Task<RefusalScene>> Scenes = new();

    private readonly CharityDayApp _app;
    private (long LedgerFen, long Entries, long TotalFen) _before;

    private RefusalScene(CharityDayApp app, string eventId, HttpClient desk)
    {
        _app = app;
        EventId = eventId;
        Desk = desk;
    }

    public string EventId { get; }

    public HttpClient Desk { get; }

    public string PledgesPath => $"/api/events/{EventId}/pledges";

    /// <summary>The server's scene, with the ledger and the settled total read as "before".</summary>
    public static async Task<RefusalScene> StartAsync(CharityDayApp app)
    {
        var scene = await Scenes.GetValue(app, CreateAsync);
        var ledger = await scene.LedgerAsync();
        var total = await Eventually.ReadAsync(scene.TotalFenAsync, total => total == ledger.Fen);
        Assert.Equal(ledger.Fen, total);
        scene._before = (ledger.Fen, ledger.Entries, total);
        return scene;
    }

    private static async Task<RefusalScene> CreateAsync(CharityDayApp app)
    {
        var eventId = "strict-" + Guid.NewGuid().ToString("N")[..12];
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 123_00))).EnsureSuccessStatusCode();
        return new RefusalScene(app, eventId, desk);
    }
    /// <summary>A pledge body as raw JSON text, so a test can send what a serializer never would.</summary>
    public static string PledgeJson(string amountFen = "100", string donorKind = "\"enterprise\"", string donorName = "\"甲\"", string extra = "") =>
        $$"""{"pledgeId":"{{Pledges.NewId()}}","deskId":"desk-a","amountFen":{{amountFen}},"donorName":{{donorName}},"donorKind":{{donorKind}},"anonymous":false{{extra}}}""";

    public Task<HttpResponseMessage> PostPledgeAsync(string json) =>
        Desk.PostAsync(PledgesPath, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Asserts a problem+json refusal with <paramref name="status"/> (naming <paramref name="field"/> when given) that recorded nothing.</summary>
    public async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
        Assert.Contains("(nothing was recorded)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for '{field}': {text}");
            Assert.Matches(@"^\P{IsBasicLatin}", messages[0].GetString());
        }

        await AssertUnchangedAsync();
        return problem;
    }

    public async Task AssertUnchangedAsync()
    {
        var ledger = await LedgerAsync();
        Assert.Equal((_before.LedgerFen, _before.Entries), (ledger.Fen, ledger.Entries));
        Assert.Equal(_before.TotalFen, await TotalFenAsync());
    }

    public async Task<long> TotalFenAsync()
    {
        using var viewer = _app.Anonymous();
        return (await viewer.GetFromJsonAsync<JsonElement>($"/api/events/{EventId}/total")).GetProperty("totalFen").GetInt64();
    }

    private async Task<(long Fen, long Entries)> LedgerAsync()
    {
        using var admin = _app.Admin();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{EventId}/audit");
        return (audit.GetProperty("ledgerTotalFen").GetInt64(), audit.GetProperty("ledgerEntryCount").GetInt64());
    }
}
