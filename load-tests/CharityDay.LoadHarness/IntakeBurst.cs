using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.LoadHarness;

/// <summary>
/// N senders each send pledges back to back for a fixed time: <c>one</c> puts every sender on one stage
/// desk; <c>many</c> spreads them over four desks and online donations. Counts acknowledged pledges,
/// their latency, and checks the server's audit against the sum the senders had acknowledged.
/// </summary>
internal static class IntakeBurst
{
    public sealed record Options(Uri Server, string AdminKey, bool ManyDesks, int Senders, TimeSpan Duration)
    {
        public static bool TryParse(string[] args, out Options options, out string usage)
        {
            usage = "usage: CharityDay.LoadHarness <server-url> <admin-key> one|many <senders> <seconds>";
            options = null!;
            if (args.Length != 5 || args[2] is not ("one" or "many")
                || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var senders) || senders < 1
                || !int.TryParse(args[4], CultureInfo.InvariantCulture, out var seconds) || seconds < 1
                || !Uri.TryCreate(args[0], UriKind.Absolute, out var server) || !server.IsLoopback)
            {
                usage += "\n(the server must be on a loopback address)";
                return false;
            }

            options = new Options(server, args[1], args[2] == "many", senders, TimeSpan.FromSeconds(seconds));
            return true;
        }
    }

    public sealed record Result(string Mode, int Senders, long Acknowledged, long Failed, double PerSecond, double P50Ms, double P99Ms, long SentFen, long LedgerFen, long LiveFen, bool Agrees)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"mode={Mode} senders={Senders} ok={Acknowledged} failed={Failed} rps={PerSecond:F0} p50={P50Ms:F1}ms p99={P99Ms:F1}ms sentFen={SentFen} ledgerFen={LedgerFen} liveFen={LiveFen} agrees={Agrees}");
    }

    public static async Task<Result> RunAsync(Options options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2048 };
        using var admin = new HttpClient(handler, disposeHandler: false) { BaseAddress = options.Server };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminKey);
        var eventId = "burst-" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var tokens = await SetUpAsync(admin, eventId, options.ManyDesks ? 4 : 1);

        long acknowledged = 0, failed = 0, sentFen = 0;
        var latencies = new List<double>[options.Senders];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(sender => Task.Run(async () =>
        {
            using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = options.Server };
            var mine = latencies[sender] = [];
            for (var i = 0; clock.Elapsed < options.Duration; i++)
            {
                var amount = 100 + ((sender * 7) + i) % 1000;
                using var request = options.ManyDesks && sender % 2 == 1
                    ? Donation(eventId, amount)
                    : Pledge(eventId, $"d{sender % tokens.Count}", tokens[sender % tokens.Count], amount);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode == 201)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref acknowledged);
                    Interlocked.Add(ref sentFen, amount);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        var audit = await QuietAuditAsync(admin, eventId, sentFen);
        return new Result(options.ManyDesks ? "many" : "one", options.Senders, acknowledged, failed, acknowledged / elapsed,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99), sentFen,
            audit.GetProperty("ledgerTotalFen").GetInt64(), audit.GetProperty("liveTotalFen").GetInt64(),
            audit.GetProperty("agrees").GetBoolean() && audit.GetProperty("ledgerTotalFen").GetInt64() == sentFen);
    }

    private static async Task<List<string>> SetUpAsync(HttpClient admin, string eventId, int desks)
    {
        (await admin.PostAsJsonAsync("/api/events", new { id = eventId, title = "压测", goalFen = 100_000_000_000L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        var tokens = new List<string>();
        for (var desk = 0; desk < desks; desk++)
        {
            var created = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = $"d{desk}", name = $"d{desk}" });
            var code = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString();
            var signIn = await admin.PostAsJsonAsync("/api/auth/desk", new { eventId, deskId = $"d{desk}", accessCode = code });
            tokens.Add((await signIn.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }

        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        return tokens;
    }

    private static HttpRequestMessage Pledge(string eventId, string deskId, string token, long amountFen)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/pledges")
        {
            Content = JsonContent.Create(new { pledgeId = Guid.NewGuid().ToString("N"), deskId, amountFen, donorName = "压测企业", donorKind = "enterprise", anonymous = false }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage Donation(string eventId, long amountFen) => new(HttpMethod.Post, $"/api/events/{eventId}/donations")
    {
        Content = JsonContent.Create(new { donationId = Guid.NewGuid().ToString("N"), amountFen, anonymous = true }),
    };

    /// <summary>The live total may trail the last acknowledgement by one report; give it a moment to settle.</summary>
    private static async Task<JsonElement> QuietAuditAsync(HttpClient admin, string eventId, long sentFen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        JsonElement audit;
        do
        {
            audit = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit");
        }
        while (!(audit.GetProperty("agrees").GetBoolean() && audit.GetProperty("liveTotalFen").GetInt64() == sentFen) && DateTime.UtcNow < deadline);
        return audit;
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];
}
