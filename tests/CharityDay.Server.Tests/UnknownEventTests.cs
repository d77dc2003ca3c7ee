using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests;

/// <summary>
/// Anyone on the internet can send made-up event ids. Each used to activate grains that stayed in
/// memory (about 2.6 KB an id, never returned) and, through the hub, to write an error with a stack
/// trace: now the node's event catalog answers "no such event" before any per-event grain is touched.
/// The abuse limits would stop this flood long before 20,000 (orders per address, events per hub
/// connection): here they are raised, and the hub side opens a connection per batch, so that what is
/// measured is the catalog, not the limits.
/// </summary>
public sealed class UnknownEventTests : IAsyncLifetime
{
    private const int MadeUpIds = 20_000;

    private readonly CharityDayApp _app = CharityDayApp.With(
        ("CharityDay:RateLimits:DonationOrderBurst", "1000000"),
        ("CharityDay:RateLimits:HubConnectionBurst", "1000000"),
        ("CharityDay:RateLimits:WatchedEventsPerConnection", "100"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Twenty_thousand_made_up_ids_over_http_and_the_hub_activate_no_grain()
    {
        await _app.CreateLiveEventAsync("real-gala", "desk-a");
        var management = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        using var client = _app.Anonymous();
        await SendMadeUpAsync(client, ConnectAsync, "warm-up", count: 8); // every route once, so the count below starts settled
        var before = await management.GetTotalActivationCount();

        var unexpected = await SendMadeUpAsync(client, ConnectAsync, "ghost", MadeUpIds);

        var after = await management.GetTotalActivationCount();
        Assert.Empty(unexpected);
        Assert.Equal(before, after);
        var real = await client.GetFromJsonAsync<JsonElement>("/api/events/real-gala/total");
        Assert.Equal("real-gala", real.GetProperty("eventId").GetString());
    }

    /// <summary>Sends each made-up id down one of five ways in; returns every answer that was not "no such event".</summary>
    private static async Task<List<string>> SendMadeUpAsync(HttpClient client, Func<Task<HubConnection>> connect, string prefix, int count)
    {
        var unexpected = new List<string>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(50))
        {
            await using var hub = await connect(); // 20 events of a batch are within one connection's allowance
            var answers = await Task.WhenAll(chunk.Select(async n =>
            {
                var eventId = $"{prefix}-{n}-{Guid.NewGuid().ToString("N")[..8]}";
                switch (n % 5)
                {
                    case 0:
                        return await NotFoundAsync(client.GetAsync($"/api/events/{eventId}"), eventId);
                    case 1:
                        return await NotFoundAsync(client.GetAsync($"/api/events/{eventId}/total"), eventId);
                    case 2:
                        return await NotFoundAsync(client.PostAsJsonAsync($"/api/events/{eventId}/donations", new { donationId = Guid.NewGuid().ToString("N"), amountFen = 100, anonymous = true }), eventId);
                    case 3:
                        var watched = await hub.InvokeAsync<JsonElement>("Watch", eventId);
                        return watched.ValueKind == JsonValueKind.Null ? null : $"Watch {eventId}: {watched}";
                    default:
                        var followed = await hub.InvokeAsync<JsonElement>("Follow", eventId);
                        return followed.ValueKind == JsonValueKind.Null ? null : $"Follow {eventId}: {followed}";
                }
            }));
            unexpected.AddRange(answers.OfType<string>());
        }

        return unexpected;
    }

    private static async Task<string?> NotFoundAsync(Task<HttpResponseMessage> sending, string eventId)
    {
        using var response = await sending;
        return response.StatusCode == HttpStatusCode.NotFound ? null : $"{eventId}: {(int)response.StatusCode}";
    }

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
