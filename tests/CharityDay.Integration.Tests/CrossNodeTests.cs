using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharityDay.Integration.Tests;

/// <summary>
/// Three nodes of one published build on PostgreSQL and Redis: a pledge taken on one node moves the
/// screens connected to another, and a node stopped with SIGTERM drains before it goes.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeTests(ClusterFixture fixture)
{
    private LocalCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_pledge_taken_on_node_1_reaches_a_big_screen_connected_to_node_3_within_a_second()
    {
        await using var screen = await ScreenAsync(Cluster.NodeUrl(3));
        var token = await fixture.SignInAsync(Cluster.NodeUrl(1), "desk-1");
        using var desk = Cluster.NodeClient(1, token);
        var pledgeId = Guid.NewGuid().ToString("N");

        using var created = await desk.PostAsJsonAsync("/api/events/demo/pledges", ClusterFixture.Pledge(pledgeId, "desk-1", 200_000_00));
        var acknowledged = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var push = await screen.PushWithAsync(pledgeId, TimeSpan.FromSeconds(5));
        var lag = Stopwatch.GetElapsedTime(acknowledged, push.ReceivedAt);
        Assert.True(lag < TimeSpan.FromSeconds(1), $"the push reached node 3's screen {lag.TotalMilliseconds:0} ms after the acknowledgement on node 1");
    }

    internal static async Task<Screen> ScreenAsync(Uri node)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/live"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var screen = new Screen(connection);
        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<JsonElement?>("Watch", "demo");
        Assert.NotNull(snapshot);
        return screen;
    }

    /// <summary>A big screen's connection, keeping every push with the moment it arrived.</summary>
    internal sealed class Screen : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Channel<(JsonElement Push, long ReceivedAt)> _pushes = Channel.CreateUnbounded<(JsonElement, long)>();

        public Screen(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("total", push => _pushes.Writer.TryWrite((push, Stopwatch.GetTimestamp())));
        }

        public async Task<(JsonElement Push, long ReceivedAt)> PushWithAsync(string pledgeId, TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            await foreach (var arrived in _pushes.Reader.ReadAllAsync(timeout.Token))
            {
                if (arrived.Push.GetProperty("newPledges").EnumerateArray().Any(p => p.GetProperty("pledgeId").GetString() == pledgeId))
                {
                    return arrived;
                }
            }

            throw new TimeoutException();
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
