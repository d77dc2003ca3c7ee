using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CharityDay.LoadHarness.Scenarios;

namespace CharityDay.LoadHarness.Target;

/// <summary>
/// The live event a run drives, set up through the admin API like an event admin would: tiers,
/// milestones every 1亿, one desk per stage operator group, each desk signed in with its access code.
/// A step answered 5xx is asked again for a while, as an admin would (a cluster that just lost a node
/// or its database's connections answers 503 "retry" for a moment).
/// </summary>
internal sealed record LoadEvent(string EventId, IReadOnlyList<string> DeskIds, IReadOnlyList<AuthenticationHeaderValue> DeskTokens)
{
    private const long Yi = 100_000_000L * 100;

    public static async Task<LoadEvent> CreateAsync(HttpClient admin, int desks)
    {
        var eventId = "load-" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var created = await RetriedAsync(() => admin.PostAsJsonAsync("/api/events", new
        {
            id = eventId,
            title = "压测慈善晚会 load test",
            goalFen = 2 * Yi,
            tiersFen = TierMix.StageTiers.Select(t => t.AmountFen).ToArray(),
            milestonesFen = Enumerable.Range(1, 20).Select(i => i * Yi).ToArray(),
        }));
        await EnsureAsync(created, "create the event");
        var deskIds = new List<string>();
        var tokens = new List<AuthenticationHeaderValue>();
        for (var i = 1; i <= desks; i++)
        {
            var deskId = "desk-" + i.ToString(CultureInfo.InvariantCulture);
            var desk = await RetriedAsync(() => admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId, name = $"{i}号录入台" }));
            await EnsureAsync(desk, "add a desk");
            var code = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString();
            var signIn = await RetriedAsync(() => admin.PostAsJsonAsync("/api/auth/desk", new { eventId, deskId, accessCode = code }));
            await EnsureAsync(signIn, "sign in to a desk");
            var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            deskIds.Add(deskId);
            tokens.Add(new AuthenticationHeaderValue("Bearer", token));
        }

        await EnsureAsync(await RetriedAsync(() => admin.PostAsync($"/api/events/{eventId}/open", null)), "open the event");
        return new LoadEvent(eventId, deskIds, tokens);
    }

    /// <summary>The answer to <paramref name="send"/>, asked again every 500 ms for up to 15 s while it is a 5xx.</summary>
    private static async Task<HttpResponseMessage> RetriedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var response = await send();
            if ((int)response.StatusCode < 500 || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(500);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
