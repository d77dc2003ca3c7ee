using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharityDay.Server.Tests;

/// <summary>
/// The live hub is open to anyone: a page watches one event (two at most, a screen and its preview), so
/// a connection that asks for many is scraping or abusing and is cut off; and new connections from one
/// address are limited by rate with a burst large enough for a hall opening the viewer page at once.
/// </summary>
public sealed class HubLimitTests : IAsyncLifetime
{
    private readonly CharityDayApp _app = ClientAddresses.BehindBalancer();
    private WebApplicationFactory<Program> _server = null!;

    public async Task InitializeAsync()
    {
        _server = _app.FromBalancer();
        using var admin = _server.ClientAt("192.0.2.1", CharityDayApp.AdminKey);
        foreach (var id in new[] { "hub-1", "hub-2", "hub-3", "hub-4" })
        {
            (await admin.PostAsJsonAsync("/api/events", new { id, title = "连接测试", goalFen = 100_000_000L, tiersFen = new[] { 1_000_000L }, milestonesFen = Array.Empty<long>() }))
                .EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_connection_that_watches_a_fourth_event_is_closed()
    {
        await using var connection = Connect("203.0.113.60");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();

        await connection.InvokeAsync<object?>("Watch", "hub-1");
        await connection.InvokeAsync<object?>("Follow", "hub-2");
        await connection.InvokeAsync<object?>("Watch", "hub-3");
        await connection.InvokeAsync<object?>("Watch", "hub-1"); // the same event again is no new one
        Assert.Equal(HubConnectionState.Connected, connection.State);
        var fourth = connection.InvokeAsync<object?>("Follow", "hub-4"); // answered null, or cut off with the connection

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Null(await fourth.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default));
    }

    [Fact]
    public async Task New_connections_from_one_address_past_the_burst_are_refused_with_retry_after_and_another_address_connects()
    {
        using var crowd = _server.ClientAt("198.51.100.30");
        var answers = new List<HttpResponseMessage>();
        for (var round = 0; round < 40; round++)
        {
            // A WebSocket upgrade without negotiation, as the pages make it: each is a new connection.
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => crowd.GetAsync("/hubs/live"))));
        }

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 1, 300); // at least the burst of 500 got through
        Assert.All(refused, a => Assert.True(a.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without Retry-After"));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);

        await using var other = Connect("198.51.100.31");
        await other.StartAsync();
        Assert.Null(await other.InvokeAsync<object?>("Watch", "no-such-event"));
    }

    private HubConnection Connect(string client) => new HubConnectionBuilder()
        .WithUrl(new Uri(_server.Server.BaseAddress, "/hubs/live"), options =>
        {
            options.HttpMessageHandlerFactory = _ => _server.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.Headers["X-Forwarded-For"] = client;
        })
        .Build();
}
