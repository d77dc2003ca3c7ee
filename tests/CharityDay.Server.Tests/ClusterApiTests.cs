using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary><c>GET /api/cluster</c>: where the work is, for the night crew; the admin's only.</summary>
public sealed class ClusterApiTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task The_admin_sees_the_active_node_with_the_desk_and_total_grains_it_hosts()
    {
        var codes = await app.CreateLiveEventAsync("cluster-view", "desk-a");
        using var desk = await app.OperatorAsync("cluster-view", "desk-a", codes["desk-a"]);
        (await desk.PostAsJsonAsync("/api/events/cluster-view/pledges", Pledges.Stage("desk-a", 100_000_00))).EnsureSuccessStatusCode();
        using var admin = app.Admin();

        var nodes = (await admin.GetFromJsonAsync<JsonElement>("/api/cluster")).GetProperty("nodes").EnumerateArray().ToList();

        var node = Assert.Single(nodes, n => n.GetProperty("status").GetString() == "active");
        Assert.True(node.GetProperty("deskGrains").GetInt32() >= 1);
        Assert.True(node.GetProperty("totalGrains").GetInt32() >= 1);
        Assert.StartsWith("127.0.0.1:", node.GetProperty("silo").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_else_sees_the_cluster()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/cluster")).StatusCode);
    }
}
