using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests;

public sealed class LiveTotalTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task A_watcher_gets_the_snapshot_then_a_push_with_the_new_total_after_a_pledge()
    {
        var codes = await app.CreateLiveEventAsync("live-push", "desk-a");
        using var desk = await app.OperatorAsync("live-push", "desk-a", codes["desk-a"]);
        var pushes = Channel.CreateUnbounded<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions = CharityDayApp.Json)
            .Build();
        connection.On<JsonElement>("total", push => pushes.Writer.TryWrite(push));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "live-push");
        var pledge = Pledges.Stage("desk-a", 1_000_000_00, donorName: "<img src=x onerror=alert(1)>");
        (await desk.PostAsJsonAsync("/api/events/live-push/pledges", pledge)).EnsureSuccessStatusCode();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        JsonElement push;
        do
        {
            push = await pushes.Reader.ReadAsync(deadline.Token);
        }
        while (push.GetProperty("totalFen").GetInt64() != 1_000_000_00);

        Assert.Equal(0, snapshot.GetProperty("totalFen").GetInt64());
        Assert.True(push.GetProperty("version").GetInt64() > snapshot.GetProperty("version").GetInt64());
        var fresh = Assert.Single(push.GetProperty("newPledges").EnumerateArray());
        Assert.Equal("<img src=x onerror=alert(1)>", fresh.GetProperty("displayName").GetString());
        Assert.Contains(1_000_000L, push.GetProperty("milestonesReached").EnumerateArray().Select(m => m.GetInt64()));
    }

    [Fact]
    public async Task Watching_an_unknown_event_answers_null()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();

        Assert.Equal(JsonValueKind.Null, (await connection.InvokeAsync<JsonElement>("Watch", "no-such-event")).ValueKind);
    }

    [Fact]
    public async Task A_phone_viewer_follows_with_the_snapshot_then_gets_pushes_of_at_most_five_new_pledges()
    {
        var codes = await app.CreateLiveEventAsync("live-follow", "desk-a");
        using var desk = await app.OperatorAsync("live-follow", "desk-a", codes["desk-a"]);
        var pushes = Channel.CreateUnbounded<JsonElement>();
        await using var connection = await ConnectAsync(pushes);

        var snapshot = await connection.InvokeAsync<JsonElement>("Follow", "live-follow");
        var posts = Enumerable.Range(1, 12).Select(i => desk.PostAsJsonAsync("/api/events/live-follow/pledges", Pledges.Stage("desk-a", i * 10_000_00L)));
        foreach (var response in await Task.WhenAll(posts))
        {
            response.EnsureSuccessStatusCode();
        }

        var received = new List<JsonElement>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do
        {
            received.Add(await pushes.Reader.ReadAsync(deadline.Token));
        }
        while (received[^1].GetProperty("totalFen").GetInt64() != 78 * 10_000_00L);

        Assert.Equal((0L, "测试慈善晚会"), (snapshot.GetProperty("totalFen").GetInt64(), snapshot.GetProperty("title").GetString()));
        Assert.Equal(12, received[^1].GetProperty("pledgeCount").GetInt64());
        Assert.True(received[^1].GetProperty("version").GetInt64() > snapshot.GetProperty("version").GetInt64());
        Assert.All(received, push => Assert.InRange(push.GetProperty("newPledges").GetArrayLength(), 0, 5));
        Assert.All(received.Zip(received.Skip(1)), pair =>
            Assert.Equal(pair.First.GetProperty("version").GetInt64(), pair.Second.GetProperty("previousVersion").GetInt64()));
    }

    [Fact]
    public async Task Following_an_unknown_event_answers_null()
    {
        await using var connection = await ConnectAsync(Channel.CreateUnbounded<JsonElement>());

        Assert.Equal(JsonValueKind.Null, (await connection.InvokeAsync<JsonElement>("Follow", "no-such-event")).ValueKind);
    }

    [Fact]
    public async Task After_a_mixed_run_with_voids_the_audit_agrees_and_the_csv_has_every_row()
    {
        var codes = await app.CreateLiveEventAsync("live-audit", "desk-a", "desk-b");
        using var deskA = await app.OperatorAsync("live-audit", "desk-a", codes["desk-a"]);
        using var deskB = await app.OperatorAsync("live-audit", "desk-b", codes["desk-b"]);
        using var phone = app.Anonymous();
        var ids = new List<(HttpClient Desk, string Id, long Amount)>();
        long expected = 0;
        for (var i = 1; i <= 30; i++)
        {
            var (client, deskId) = i % 2 == 0 ? (deskA, "desk-a") : (deskB, "desk-b");
            var id = Pledges.NewId();
            (await client.PostAsJsonAsync("/api/events/live-audit/pledges", Pledges.Stage(deskId, i * 10_000_00L, id, $"企业{i}"))).EnsureSuccessStatusCode();
            await Donations.GiveAsync(app, "live-audit", i * 100L, $"网友{i}");
            ids.Add((client, id, i * 10_000_00L));
            expected += i * 10_000_00L + i * 100L;
        }

        foreach (var (client, id, amount) in ids.Where((_, index) => index % 5 == 0))
        {
            (await client.PostAsJsonAsync($"/api/events/live-audit/pledges/{id}/void", new { reason = "金额录错" })).EnsureSuccessStatusCode();
            expected -= amount;
        }

        using var admin = app.Admin();
        var audit = await Eventually.ReadAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/events/live-audit/audit"), audit => audit.GetProperty("agrees").GetBoolean());
        var csv = await admin.GetByteArrayAsync("/api/events/live-audit/ledger.csv");

        Assert.True(audit.GetProperty("agrees").GetBoolean(), audit.GetRawText());
        Assert.Equal(expected, audit.GetProperty("ledgerTotalFen").GetInt64());
        Assert.Equal(60 - 6, audit.GetProperty("ledgerPledgeCount").GetInt64());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 60 + 6, lines.Length);
        Assert.Contains(lines, line => line.Contains("\"企业1\"", StringComparison.Ordinal) && line.Contains("作废", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_pledge_route()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/events/{eventId}/pledges", document, StringComparison.Ordinal);
    }

    private async Task<HubConnection> ConnectAsync(Channel<JsonElement> pushes)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions = CharityDayApp.Json)
            .Build();
        connection.On<JsonElement>("total", push => pushes.Writer.TryWrite(push));
        await connection.StartAsync();
        return connection;
    }
}
