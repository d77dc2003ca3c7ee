using System.Net;
using System.Text.Json;
using CharityDay.Server.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CharityDay.Server.Tests;

/// <summary>What the balancer asks each node: is the process alive, and should it be sent traffic.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly CharityDayApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_started_node_is_live_and_ready_naming_each_check()
    {
        using var client = _app.Anonymous();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("silo").GetString());
        Assert.Equal("healthy", checks.GetProperty("database").GetString());
        Assert.Equal("healthy", checks.GetProperty("stopping").GetString());
    }

    [Fact]
    public async Task A_stopping_node_is_not_ready_from_the_first_moment_but_still_alive()
    {
        using var client = _app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // What the host does first on SIGTERM, before Kestrel or the silo stop.
        await _app.Services.GetRequiredService<ShutdownDrain>().StoppingAsync(CancellationToken.None);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("stopping", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.NotNull(_app.Services.GetService<IHostApplicationLifetime>());
    }
}
