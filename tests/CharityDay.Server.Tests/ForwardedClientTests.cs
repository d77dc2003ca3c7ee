using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests;

/// <summary>
/// Behind the balancer every request arrives from its address; the client's is in X-Forwarded-For, which
/// anyone can send. The sign-in backoff (a few wrong codes per client address and desk, then a wait) shows
/// whose address the server believes.
/// </summary>
public sealed class ForwardedClientTests
{
    private const string Balancer = "10.1.2.3";

    [Fact]
    public async Task From_a_trusted_balancer_each_client_address_has_its_own_sign_in_limit()
    {
        await using var app = CharityDayApp.With(("CharityDay:TrustedProxies:0", Balancer));
        using var balancer = BehindBalancer(app);

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustSignInsAsync(balancer, "203.0.113.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(balancer, "203.0.113.8"));
    }

    [Fact]
    public async Task From_an_address_not_configured_as_a_proxy_the_forwarded_header_is_not_believed()
    {
        await using var app = CharityDayApp.With(("CharityDay:TrustedProxies:0", "10.9.9.9"));
        using var balancer = BehindBalancer(app);

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustSignInsAsync(balancer, "203.0.113.7"));
        // Another forged address does not get a fresh allowance: the limit is on the sender's own address.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(balancer, "203.0.113.8"));
    }

    [Fact]
    public async Task With_no_proxy_configured_as_by_default_a_forged_forwarded_header_is_not_believed()
    {
        await using var app = new CharityDayApp();
        using var balancer = BehindBalancer(app);

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustSignInsAsync(balancer, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(balancer, "203.0.113.8"));
    }

    private static WebApplicationFactory<Program> BehindBalancer(CharityDayApp app) => app.FromBalancer(Balancer);

    private static async Task<HttpStatusCode> ExhaustSignInsAsync(WebApplicationFactory<Program> app, string client)
    {
        var last = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 21; attempt++)
        {
            last = await SignInAsync(app, client);
        }

        return last;
    }

    private static async Task<HttpStatusCode> SignInAsync(WebApplicationFactory<Program> app, string client)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/desk")
        {
            Content = JsonContent.Create(new { eventId = "nope", deskId = "desk-a", accessCode = "000000" }),
        };
        request.Headers.Add("X-Forwarded-For", client);
        return (await http.SendAsync(request)).StatusCode;
    }
}
