using System.Net;
using System.Net.Http.Json;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CharityDay.Server.Tests;

/// <summary>
/// Desk sign-in failures are counted per (address, desk) and per desk, with backoff: a noisy phone on
/// the venue Wi-Fi slows itself at one desk, not every operator behind the same address at every desk,
/// and guessing one desk from many addresses slows them all. Its own server, on a clock the test moves.
/// </summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private const string WrongCode = "WRONG234";
    private readonly CharityDayApp _app = ClientAddresses.BehindBalancer();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 31, 19, 30, 0, TimeSpan.FromHours(8)));
    private WebApplicationFactory<Program> _server = null!;
    private Dictionary<string, string> _codes = null!;

    public async Task InitializeAsync()
    {
        _server = _app.FromBalancer(services: s => s.AddKeyedSingleton<TimeProvider>(RateLimits.ClockKey, _clock));
        using var admin = _server.ClientAt("192.0.2.1", CharityDayApp.AdminKey);
        _codes = await CreateLiveEventAsync(admin, "guess", "desk-1", "desk-2", "desk-3");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Guessing_access_codes_is_refused_with_a_problem_response_and_retry_after()
    {
        using var client = _server.ClientAt("203.0.113.9");
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 10 && last?.StatusCode != HttpStatusCode.TooManyRequests; attempt++)
        {
            last = await SignInAsync(client, "desk-3", WrongCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without Retry-After");
    }

    [Fact]
    public async Task Forty_wrong_codes_from_one_address_for_desk_1_lock_out_neither_another_address_nor_another_desk()
    {
        using var noisy = _server.ClientAt("198.51.100.7");
        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            answers.Add(await SignInAsync(noisy, "desk-1", WrongCode));
        }

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests),
            a => Assert.True(a.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without Retry-After"));
        using var other = _server.ClientAt("198.51.100.8");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(other, "desk-1", _codes["desk-1"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(noisy, "desk-2", _codes["desk-2"])).StatusCode);
    }

    [Fact]
    public async Task Guessing_one_desk_from_five_addresses_that_each_wait_out_their_own_backoff_slows_the_desk()
    {
        var guessers = Enumerable.Range(1, 5).Select(i => _server.ClientAt($"203.0.113.{100 + i}")).ToList();
        var failures = 0;
        for (var round = 0; failures < 30 && round < 100; round++)
        {
            foreach (var guesser in guessers)
            {
                var answer = await SignInAsync(guesser, "desk-2", WrongCode);
                if (answer.StatusCode == HttpStatusCode.Unauthorized)
                {
                    failures++;
                }
                else if (answer.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Each guesser waits exactly as long as it is told, as a patient script would.
                    _clock.Advance(answer.Headers.RetryAfter!.Delta!.Value);
                }
            }
        }

        using var sixth = _server.ClientAt("203.0.113.106");
        var slowed = await SignInAsync(sixth, "desk-2", WrongCode);
        guessers.ForEach(g => g.Dispose());

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.True(slowed.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without Retry-After");
        using var elsewhere = _server.ClientAt("203.0.113.107");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(elsewhere, "desk-3", _codes["desk-3"])).StatusCode);
    }

    [Fact]
    public async Task The_right_code_after_the_backoff_has_passed_signs_in()
    {
        using var client = _server.ClientAt("192.0.2.77");
        HttpResponseMessage answer;
        do
        {
            answer = await SignInAsync(client, "desk-3", WrongCode);
        }
        while (answer.StatusCode == HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, "desk-3", _codes["desk-3"])).StatusCode);
        _clock.Advance(answer.Headers.RetryAfter!.Delta!.Value);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "desk-3", _codes["desk-3"])).StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string deskId, string code) =>
        client.PostAsJsonAsync("/api/auth/desk", new { eventId = "guess", deskId, accessCode = code });

    private static async Task<Dictionary<string, string>> CreateLiveEventAsync(HttpClient admin, string eventId, params string[] desks)
    {
        (await admin.PostAsJsonAsync("/api/events", new { id = eventId, title = "猜码测试", goalFen = 100_000_000L, tiersFen = new[] { 1_000_000L }, milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        var codes = new Dictionary<string, string>();
        foreach (var desk in desks)
        {
            var created = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = desk, name = desk });
            codes[desk] = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessCode").GetString()!;
        }

        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        return codes;
    }
}

