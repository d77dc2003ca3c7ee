using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharityDay.Integration.Tests;

/// <summary>
/// Moderation across nodes: the admin holds stage names on node 1, a moderator signed in on node 2
/// approves a name, and a big screen connected to node 3 shows it within a second; the decisions live
/// in the shared PostgreSQL, so any node's moderator sees the same queue. The screen controller's scene
/// travels the same way: chosen on node 2, on node 3's screen within a second.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeModerationTests(ClusterFixture fixture)
{
    private LocalCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_name_approved_on_node_2_reaches_a_screen_on_node_3_within_a_second()
    {
        using var admin = Cluster.NodeClient(1, Cluster.AdminKey);
        (await admin.PutAsJsonAsync("/api/events/demo/moderation/settings", new { moderateStageNames = true })).EnsureSuccessStatusCode();
        try
        {
            var code = (await (await admin.PostAsync("/api/events/demo/staff/moderator/code", null)).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("accessCode").GetString();
            using var anonymous = Cluster.NodeClient(2);
            var signIn = await anonymous.PostAsJsonAsync("/api/auth/staff", new { eventId = "demo", role = "moderator", code });
            signIn.EnsureSuccessStatusCode();
            using var moderator = Cluster.NodeClient(2, (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());

            await using var screen = await WatchAsync(Cluster.NodeUrl(3));
            using var desk = Cluster.NodeClient(1, await fixture.SignInAsync(Cluster.NodeUrl(1), "desk-1"));
            var pledgeId = Guid.NewGuid().ToString("N");
            Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/api/events/demo/pledges", ClusterFixture.Pledge(pledgeId, "desk-1", 300_000_00))).StatusCode);
            Assert.Equal("爱心企业", await NameOnScreenAsync(screen, pledgeId, _ => true, TimeSpan.FromSeconds(5)));
            var queue = await moderator.GetFromJsonAsync<JsonElement>("/api/events/demo/moderation?limit=500");
            Assert.Contains(queue.EnumerateArray(), e => e.GetProperty("pledgeId").GetString() == pledgeId);

            using var approved = await moderator.PostAsJsonAsync($"/api/events/demo/moderation/{pledgeId}", new { action = "approve" });
            var answered = Stopwatch.GetTimestamp();
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal("集群演练企业", await NameOnScreenAsync(screen, pledgeId, name => name == "集群演练企业", TimeSpan.FromSeconds(5)));
            var lag = Stopwatch.GetElapsedTime(answered);
            Assert.True(lag < TimeSpan.FromSeconds(1), $"the approved name reached node 3's screen {lag.TotalMilliseconds:0} ms after node 2 answered");
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/events/demo/moderation/settings", new { moderateStageNames = false })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_scene_chosen_on_node_2_reaches_a_screen_on_node_3_within_a_second()
    {
        using var admin = Cluster.NodeClient(1, Cluster.AdminKey);
        var code = (await (await admin.PostAsync("/api/events/demo/staff/controller/code", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("accessCode").GetString();
        using var anonymous = Cluster.NodeClient(2);
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/staff", new { eventId = "demo", role = "controller", code });
        signIn.EnsureSuccessStatusCode();
        using var controller = Cluster.NodeClient(2, (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        await using var screen = await WatchAsync(Cluster.NodeUrl(3));
        try
        {
            using var chosen = await controller.PutAsJsonAsync("/api/events/demo/show", new { scene = "honourRoll" });
            var answered = Stopwatch.GetTimestamp();
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await foreach (var push in screen.Pushes.Reader.ReadAllAsync(timeout.Token))
            {
                if (push.GetProperty("show").GetProperty("scene").GetString() == "honourRoll")
                {
                    break;
                }
            }

            var lag = Stopwatch.GetElapsedTime(answered);
            Assert.True(lag < TimeSpan.FromSeconds(1), $"the scene reached node 3's screen {lag.TotalMilliseconds:0} ms after node 2 answered");
        }
        finally
        {
            (await controller.PutAsJsonAsync("/api/events/demo/show", new { scene = "total" })).EnsureSuccessStatusCode();
        }
    }

    private static async Task<ScreenFeed> WatchAsync(Uri node)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/live"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("total", push => pushes.Writer.TryWrite(push));
        await connection.StartAsync();
        Assert.NotNull(await connection.InvokeAsync<JsonElement?>("Watch", "demo"));
        return new ScreenFeed(connection, pushes);
    }

    /// <summary>The pledge's name in the first push that names it as <paramref name="wanted"/> accepts.</summary>
    private static async Task<string?> NameOnScreenAsync(ScreenFeed screen, string pledgeId, Func<string?, bool> wanted, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await foreach (var push in screen.Pushes.Reader.ReadAllAsync(timeout.Token))
        {
            foreach (var line in push.GetProperty("newPledges").EnumerateArray())
            {
                var name = line.GetProperty("displayName").GetString();
                if (line.GetProperty("pledgeId").GetString() == pledgeId && wanted(name))
                {
                    return name;
                }
            }
        }

        throw new TimeoutException();
    }

    private sealed record ScreenFeed(HubConnection Connection, Channel<JsonElement> Pushes) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
