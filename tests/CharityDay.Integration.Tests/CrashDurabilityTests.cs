using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Integration.Tests;

/// <summary>
/// Invariant 1 and 2 across a crash: every pledge acknowledged before a SIGKILL is in the ledger after
/// the restart, the rebuilt total equals the ledger, and re-sending every pledge (acknowledged or not)
/// with its id counts each exactly once.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const string EventId = "crash";

    [Fact]
    public Task Acknowledged_pledges_survive_a_SIGKILL_on_SQLite() => RunAsync(postgres: null);

    [Fact]
    public async Task Acknowledged_pledges_survive_a_SIGKILL_on_PostgreSQL()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await RunAsync(database.ConnectionString);
    }

    private static async Task RunAsync(string? postgres)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("charityday-crash-").FullName;
        var sent = new ConcurrentDictionary<string, (string Path, object Body, long Amount, string? Bearer)>();
        var acknowledged = new ConcurrentDictionary<string, long>();
        // Online money counts once paid: at the embedded demo cashier on SQLite, at WeChat Pay's stand-in on PostgreSQL.
        await using var standIn = postgres is null ? null : await WeChatPayStandIn.StartAsync(WeChatPayStandInKeys.Generate());
        var port = FreePort.Next();
        var payments = standIn is null
            ? new Dictionary<string, string>()
            : WeChatPayStandIn.ServerSettings(standIn.Keys, new Uri($"http://127.0.0.1:{port}/api/payments/wechatpay/notify"), standIn.BaseUrl)
                .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            DataDirectory = dataDirectory, Postgres = postgres, DeleteDataDirectoryOnDispose = true, Port = port, Environment = payments,
        });
        var online = new OnlineGiving(server, standIn);
        var tokens = await SetUpEventAsync(server);
        using (var stop = new CancellationTokenSource())
        {
            var senders = Enumerable.Range(0, 12).Select(sender => Task.Run(async () =>
            {
                using var client = server.Client();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"s{sender:D2}-{i:D5}-{Guid.NewGuid():N}"[..40];
                    var amount = (sender + 1) * 1_000_00L + i;
                    var (path, body, bearer) = sender % 3 == 2
                        ? ($"/api/events/{EventId}/donations", (object)new { donationId = id, amountFen = amount, anonymous = true }, (string?)null)
                        : ($"/api/events/{EventId}/pledges", new { pledgeId = id, deskId = $"desk-{sender % 3}", amountFen = amount, donorName = $"企业{sender}", donorKind = "enterprise", anonymous = false }, tokens[sender % 3]);
                    sent[id] = (path, body, amount, bearer);
                    try
                    {
                        if (await SendAsync(client, online, path, body, bearer) is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            acknowledged[id] = amount;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 600 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        Assert.True(acknowledged.Count >= 600, $"only {acknowledged.Count} pledges were acknowledged before the kill");

        // Back on the same port and storage, as a service manager restarts a crashed node.
        await server.RestartAsync();
        using var admin = server.Client(ServerProcess.TestAdminKey);
        var ledgerIds = await LedgerPledgeIdsAsync(admin);
        var missing = acknowledged.Keys.Where(id => !ledgerIds.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged pledges are missing after the crash, e.g. {missing.FirstOrDefault()}");
        await AssertAuditAgreesAsync(admin, expectedTotal: null);

        // Re-send everything with the tokens issued before the crash (a restart signs no one out):
        // acknowledged pledges are replays, the rest are recorded now, none counts twice.
        using var client = server.Client();
        foreach (var (id, (path, body, _, bearer)) in sent)
        {
            var status = await SendAsync(client, online, path, body, bearer);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{id}: {status}");
            if (acknowledged.ContainsKey(id))
            {
                Assert.Equal(HttpStatusCode.OK, status);
            }
        }

        await AssertAuditAgreesAsync(admin, expectedTotal: sent.Values.Sum(s => s.Amount));
    }

    /// <summary>
    /// A stage pledge: its answer. A donation: the order, then its payment — 201 when the payment was
    /// taken now, 200 when the order was already paid (a replay), else the answer that stopped it.
    /// </summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, OnlineGiving online, string path, object body, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        using var response = await client.SendAsync(request);
        if (bearer is not null || response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            return response.StatusCode;
        }

        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        return order.GetProperty("status").GetString() == "paid" ? HttpStatusCode.OK : await online.PayAsync(order);
    }

    /// <summary>Pays an order where this server's online money is paid: the demo cashier, or WeChat Pay's stand-in.</summary>
    private sealed class OnlineGiving(ServerProcess server, WeChatPayStandIn? standIn)
    {
        public async Task<HttpStatusCode> PayAsync(JsonElement order)
        {
            if (standIn is not null)
            {
                return await standIn.PayAsync(order.GetProperty("orderNo").GetString()!) == HttpStatusCode.NoContent ? HttpStatusCode.Created : HttpStatusCode.ServiceUnavailable;
            }

            using var cashier = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var paid = await cashier.PostAsync(order.GetProperty("payment").GetProperty("url").GetString(), new FormUrlEncodedContent([]));
            return paid.StatusCode == HttpStatusCode.Redirect ? HttpStatusCode.Created : paid.StatusCode;
        }
    }

    private static async Task<string[]> SetUpEventAsync(ServerProcess server)
    {
        using var admin = server.Client(ServerProcess.TestAdminKey);
        using var anonymous = server.Client();
        (await admin.PostAsJsonAsync("/api/events", new { id = EventId, title = "断电演练", goalFen = 1_000_000_000L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        var codes = new string[3];
        for (var desk = 0; desk < 3; desk++)
        {
            // A desk's code is in the answer that created it, and nowhere later.
            var created = await admin.PostAsJsonAsync($"/api/events/{EventId}/desks", new { deskId = $"desk-{desk}", name = $"{desk}号台" });
            codes[desk] = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        }

        (await admin.PostAsync($"/api/events/{EventId}/open", null)).EnsureSuccessStatusCode();
        var tokens = new string[3];
        for (var desk = 0; desk < 3; desk++)
        {
            var signIn = await anonymous.PostAsJsonAsync("/api/auth/desk", new { eventId = EventId, deskId = $"desk-{desk}", accessCode = codes[desk] });
            tokens[desk] = (await signIn.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }

        return tokens;
    }

    private static async Task<HashSet<string>> LedgerPledgeIdsAsync(HttpClient admin)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long? after = 0;
        while (after is { } cursor)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{EventId}/ledger?after={cursor}&limit=1000");
            foreach (var entry in page.GetProperty("entries").EnumerateArray())
            {
                ids.Add(entry.GetProperty("pledgeId").GetString()!);
            }

            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetInt64();
        }

        return ids;
    }

    private static async Task AssertAuditAgreesAsync(HttpClient admin, long? expectedTotal)
    {
        // The live total may trail the ledger by one report; it must catch up on its own, without any new pledge.
        JsonElement audit = default;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            audit = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{EventId}/audit");
            if (audit.GetProperty("agrees").GetBoolean())
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(audit.GetProperty("agrees").GetBoolean(), audit.GetRawText());
        if (expectedTotal is { } total)
        {
            Assert.Equal(total, audit.GetProperty("ledgerTotalFen").GetInt64());
        }
    }
}
