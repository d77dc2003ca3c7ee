using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests;

/// <summary>
/// Donation orders are limited per client address by rate, not by head count: a hall of phones behind
/// the venue's one public address answering 「扫码捐款」 in the same minute all get through, one address
/// sending orders as fast as it can is stopped, and its neighbours are not.
/// </summary>
public sealed class DonationOrderLimitTests : IAsyncLifetime
{
    private readonly CharityDayApp _app = ClientAddresses.BehindBalancer();
    private WebApplicationFactory<Program> _server = null!;

    public async Task InitializeAsync()
    {
        _server = _app.FromBalancer();
        using var admin = _server.ClientAt("192.0.2.1", CharityDayApp.AdminKey);
        await CreateLiveEventAsync(admin, "orders-flood");
        await CreateLiveEventAsync(admin, "orders-hall");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task One_address_sending_a_thousand_orders_fast_gets_429_with_retry_after_and_another_address_is_still_served()
    {
        using var flood = _server.ClientAt("203.0.113.50");
        var answers = await SendOrdersAsync(flood, "orders-flood", 1_000, parallel: 25);

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 100, 1_000);
        Assert.All(refused, answer =>
        {
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.True(answer.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without Retry-After");
        });

        using var neighbour = _server.ClientAt("203.0.113.51");
        var served = Assert.Single(await SendOrdersAsync(neighbour, "orders-flood", 1, parallel: 1));
        Assert.True(served.IsSuccessStatusCode, $"the neighbour was answered {(int)served.StatusCode}"); // recorded, or an order awaiting payment
    }

    [Fact]
    public async Task A_hall_of_300_phones_behind_one_address_ordering_in_the_same_minute_all_get_through()
    {
        using var hall = _server.ClientAt("198.51.100.20");
        var answers = await SendOrdersAsync(hall, "orders-hall", 300, parallel: 20);

        Assert.DoesNotContain(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"answered {(int)a.StatusCode}"));
    }

    [Fact]
    public async Task An_ipv6_client_is_limited_by_its_64_network_so_a_new_address_inside_it_is_no_fresh_allowance()
    {
        var network = Enumerable.Range(0, 40).Select(i => _server.ClientAt($"2001:db8:aa:bb::{i + 1:x}")).ToList();
        var answers = new List<HttpResponseMessage>();
        for (var round = 0; round < 25; round++)
        {
            answers.AddRange(await Task.WhenAll(network.Select(client => SendOrderAsync(client, "orders-flood"))));
        }

        using var other = _server.ClientAt("2001:db8:aa:cc::1");
        var outside = await SendOrderAsync(other, "orders-flood");
        network.ForEach(client => client.Dispose());

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, outside.StatusCode);
    }

    [Fact]
    public async Task An_events_ceiling_holds_across_addresses_each_within_its_own_limit()
    {
        await using var app = ClientAddresses.BehindBalancer(("CharityDay:RateLimits:EventOrdersPerSecond", "100"));
        var server = app.FromBalancer();
        using (var admin = server.ClientAt("192.0.2.1", CharityDayApp.AdminKey))
        {
            await CreateLiveEventAsync(admin, "orders-ceiling");
        }

        var phones = Enumerable.Range(1, 4).Select(i => server.ClientAt($"198.51.100.{60 + i}")).ToList();
        var answers = (await Task.WhenAll(phones.Select(phone => SendOrdersAsync(phone, "orders-ceiling", 100, parallel: 10)))).SelectMany(a => a).ToList();
        phones.ForEach(phone => phone.Dispose());

        // 400 orders, 100 from each address (well within its 600), against a ceiling of 100 a second.
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests), 1, 300);
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests),
            a => Assert.True(a.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without Retry-After"));
    }

    private static async Task<List<HttpResponseMessage>> SendOrdersAsync(HttpClient client, string eventId, int count, int parallel)
    {
        var answers = new List<HttpResponseMessage>();
        for (var sent = 0; sent < count; sent += parallel)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, count - sent)).Select(_ => SendOrderAsync(client, eventId))));
        }

        return answers;
    }

    private static Task<HttpResponseMessage> SendOrderAsync(HttpClient client, string eventId) =>
        client.PostAsJsonAsync($"/api/events/{eventId}/donations",
            new { donationId = Guid.NewGuid().ToString("N"), amountFen = 10_000, donorName = "扫码捐款", anonymous = false });

    private static async Task CreateLiveEventAsync(HttpClient admin, string eventId)
    {
        (await admin.PostAsJsonAsync("/api/events", new { id = eventId, title = "限流测试", goalFen = 100_000_000L, tiersFen = new[] { 1_000_000L }, milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
    }
}
