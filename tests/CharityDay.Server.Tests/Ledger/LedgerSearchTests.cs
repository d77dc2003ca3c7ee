using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests.Ledger;

/// <summary>
/// The admin finds a pledge in the night's ledger by donor name, desk, channel, amount and time; a void's
/// row is found with its pledge; the pager pages within the search; every bad parameter is refused by name.
/// </summary>
public sealed class LedgerSearchTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    private const string EventId = "ledger-search";

    [Fact]
    public async Task Each_filter_alone_and_together_returns_exactly_the_rows_it_names()
    {
        var codes = await app.CreateLiveEventAsync(EventId, "desk-a", "desk-b");
        using var deskA = await app.OperatorAsync(EventId, "desk-a", codes["desk-a"]);
        using var deskB = await app.OperatorAsync(EventId, "desk-b", codes["desk-b"]);
        using var admin = app.Admin();
        var early = await PledgeAsync(deskA, "desk-a", 1_000_000_00, "华夏建设集团");
        await PledgeAsync(deskB, "desk-b", 50_000_00, "华夏小学");
        await Task.Delay(60);
        var boundary = DateTimeOffset.UtcNow;
        await Task.Delay(60);
        var late = await PledgeAsync(deskB, "desk-b", 300_000_00, "100%_爱心商行");
        (await admin.PostAsJsonAsync($"/api/events/{EventId}/pledges/{late}/void", new { reason = "重复录入" })).EnsureSuccessStatusCode();
        using var phone = app.Anonymous();
        var order = await Donations.OrderAsync(phone, EventId, Donations.Body(88_00, donorName: "网友华夏"));
        Assert.Equal(HttpStatusCode.Redirect, (await Donations.PayAtDemoCashierAsync(app, order)).StatusCode);
        await Eventually.ReadAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/events/{EventId}/ledger"),
            page => page.GetProperty("entries").GetArrayLength() == 5);

        Assert.Equal(["华夏建设集团", "华夏小学", "网友华夏"], await NamesAsync(admin, "name=华夏"));
        Assert.Equal(["华夏小学", "100%_爱心商行", "100%_爱心商行"], await NamesAsync(admin, "desk=desk-b"));
        Assert.Equal(["网友华夏"], await NamesAsync(admin, "channel=online"));
        Assert.Equal(["华夏建设集团", "100%_爱心商行", "100%_爱心商行"], await NamesAsync(admin, "minFen=30000000"));
        Assert.Equal(["华夏小学", "网友华夏"], await NamesAsync(admin, "maxFen=5000000"));
        Assert.Equal(["100%_爱心商行", "100%_爱心商行", "网友华夏"], await NamesAsync(admin, $"from={Uri.EscapeDataString(boundary.ToString("O"))}"));
        Assert.Equal(["华夏建设集团", "华夏小学"], await NamesAsync(admin, $"to={Uri.EscapeDataString(boundary.ToString("O"))}"));
        // % and _ are the donor's characters, not patterns.
        Assert.Equal(["100%_爱心商行", "100%_爱心商行"], await NamesAsync(admin, "name=" + Uri.EscapeDataString("0%_")));
        Assert.Empty(await NamesAsync(admin, "name=" + Uri.EscapeDataString("华%学")));
        Assert.Equal(["华夏小学"], await NamesAsync(admin, "name=华夏&channel=stage&desk=desk-b&maxFen=5000000"));
        Assert.Equal(early, (await PageAsync(admin, "name=建设&channel=stage")).GetProperty("entries")[0].GetProperty("pledgeId").GetString());

        // Paging within a search: two rows a page, the cursor from each page.
        var first = await PageAsync(admin, "desk=desk-b&limit=2");
        Assert.Equal(2, first.GetProperty("entries").GetArrayLength());
        var after = first.GetProperty("nextAfter").GetInt64();
        var second = await PageAsync(admin, $"desk=desk-b&limit=2&after={after}");
        Assert.Equal(["100%_爱心商行"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("donorName").GetString()!));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextAfter").ValueKind);

        // Each page of a search says what it matched in the whole ledger: two pledges and the void of one.
        foreach (var page in new[] { first, second })
        {
            var match = page.GetProperty("match");
            Assert.Equal((2, 350_000_00L, 1, 300_000_00L), (match.GetProperty("pledgeCount").GetInt32(), match.GetProperty("pledgeFen").GetInt64(),
                match.GetProperty("voidCount").GetInt32(), match.GetProperty("voidFen").GetInt64()));
        }

        var nothing = (await PageAsync(admin, "name=" + Uri.EscapeDataString("无此人"))).GetProperty("match");
        Assert.Equal((0, 0L), (nothing.GetProperty("pledgeCount").GetInt32(), nothing.GetProperty("pledgeFen").GetInt64()));
        Assert.Equal(JsonValueKind.Null, (await PageAsync(admin, "limit=2")).GetProperty("match").ValueKind); // the whole ledger is no search
    }

    [Theory]
    [InlineData("channel=phone", "channel")]
    [InlineData("minFen=-1", "minFen")]
    [InlineData("maxFen=-5", "maxFen")]
    [InlineData("minFen=500&maxFen=100", "minFen")]
    [InlineData("minFen=abc", "minFen")]
    [InlineData("maxFen=1.5", "maxFen")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-02T20:00:00", "from")]
    [InlineData("to=12%2F02%2F2026", "to")]
    [InlineData("to=2026-13-40T25:00Z", "to")]
    [InlineData("from=2026-12-02T21:00:00%2B08:00&to=2026-12-02T20:00:00%2B08:00", "from")]
    [InlineData("desk=..%2Fx", "desk")]
    [InlineData("name=%07abc", "name")]
    public async Task A_bad_search_is_refused_naming_the_parameter(string query, string field)
    {
        using var admin = app.Admin();
        var answer = await admin.GetAsync($"/api/events/{EventId}/ledger?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{query}: {problem}");
        var message = errors.GetProperty(field)[0].GetString()!;
        Assert.Matches(@"^\P{IsBasicLatin}.*\(.*[a-z].*\)", message); // Chinese first, English in brackets
        Assert.DoesNotContain("Nullable", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_of_a_hundred_characters_is_a_search_and_one_more_is_refused()
    {
        const string eventId = "ledger-search-long";
        await app.CreateLiveEventAsync(eventId);
        using var admin = app.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/events/{eventId}/ledger?name={new string('华', 100)}")).StatusCode);
        var answer = await admin.GetAsync($"/api/events/{eventId}/ledger?name={new string('华', 101)}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("\"name\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_letters_beyond_ascii_finds_itself()
    {
        const string eventId = "ledger-search-accents";
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 100_00, donorName: "ÉCOLE Lyon"))).EnsureSuccessStatusCode();
        using var admin = app.Admin();

        // Lower-casing the pattern in .NET (é) against SQLite's ASCII-only LOWER (É) would miss the exact name.
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/ledger?name={Uri.EscapeDataString("ÉCOLE")}")).GetProperty("entries").EnumerateArray());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/ledger?name=lyon")).GetProperty("entries").EnumerateArray());
    }

    private static async Task<string> PledgeAsync(HttpClient desk, string deskId, long amountFen, string donorName)
    {
        var pledgeId = Pledges.NewId();
        (await desk.PostAsJsonAsync($"/api/events/{EventId}/pledges", Pledges.Stage(deskId, amountFen, pledgeId, donorName))).EnsureSuccessStatusCode();
        return pledgeId;
    }

    private static async Task<JsonElement> PageAsync(HttpClient admin, string query) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/events/{EventId}/ledger?{query}");

    private static async Task<string[]> NamesAsync(HttpClient admin, string query) =>
        [.. (await PageAsync(admin, query)).GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("donorName").GetString()!)];
}
