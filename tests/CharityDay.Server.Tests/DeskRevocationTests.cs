using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CharityDay.Contracts;
using CharityDay.Server.Auth;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CharityDay.Server.Tests;

/// <summary>
/// A revoke that reached the event grain through another node: this node goes on accepting the desk's
/// old tokens only until its copy of the desk's token generation is <see cref="TokenGenerations.RecheckAfter"/>
/// old (5 s), then refuses them. On a clock the test moves.
/// </summary>
public sealed class DeskRevocationTests : IAsyncLifetime
{
    private readonly CharityDayApp _app = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.FromHours(8)));
    private WebApplicationFactory<Program> _server = null!;

    public Task InitializeAsync()
    {
        _server = _app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddKeyedSingleton<TimeProvider>(RateLimits.ClockKey, _clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_revoke_made_on_another_node_is_in_force_here_within_five_seconds()
    {
        var code = await CreateLiveDeskAsync("revoke-remote");
        using var desk = await OperatorAsync("revoke-remote", code);
        Assert.Equal(HttpStatusCode.OK, (await ListAsync(desk, "revoke-remote")).StatusCode);

        var grains = _server.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IEventGrain>("revoke-remote").RevokeDeskTokensAsync("desk-a"); // as the other node did

        _clock.Advance(TokenGenerations.RecheckAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await ListAsync(desk, "revoke-remote")).StatusCode); // this node's copy is not yet 5 s old
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ListAsync(desk, "revoke-remote")).StatusCode);
        using var again = await OperatorAsync("revoke-remote", code);
        Assert.Equal(HttpStatusCode.OK, (await ListAsync(again, "revoke-remote")).StatusCode);
    }

    [Fact]
    public async Task A_token_from_a_node_that_saw_the_revoke_first_is_accepted_here_at_once()
    {
        var code = await CreateLiveDeskAsync("revoke-newer");
        using var first = await OperatorAsync("revoke-newer", code);
        Assert.Equal(HttpStatusCode.OK, (await ListAsync(first, "revoke-newer")).StatusCode); // this node now holds generation 0

        var grains = _server.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IEventGrain>("revoke-newer").RevokeDeskTokensAsync("desk-a");
        var tokens = _server.Services.GetRequiredService<DeskTokens>();
        using var newer = _server.CreateClient();
        newer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue("revoke-newer", "desk-a", 1).Token);

        Assert.Equal(HttpStatusCode.OK, (await ListAsync(newer, "revoke-newer")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ListAsync(first, "revoke-newer")).StatusCode);
    }

    private static Task<HttpResponseMessage> ListAsync(HttpClient desk, string eventId) => desk.GetAsync($"/api/events/{eventId}/desks/desk-a/pledges");

    private async Task<string> CreateLiveDeskAsync(string eventId)
    {
        using var admin = _server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CharityDayApp.AdminKey);
        (await admin.PostAsJsonAsync("/api/events", new { id = eventId, title = "撤销测试", goalFen = 100_000_000L, tiersFen = new[] { 1_000_000L }, milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-a", name = "一号台" });
        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        return (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
    }

    private async Task<HttpClient> OperatorAsync(string eventId, string code)
    {
        var client = _server.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/desk", new { eventId, deskId = "desk-a", accessCode = code });
        var token = (await signIn.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
