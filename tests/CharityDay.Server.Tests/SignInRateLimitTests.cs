using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace CharityDay.Server.Tests;

/// <summary>Its own server: exhausting the sign-in window must not disturb other tests' sign-ins.</summary>
public sealed class SignInRateLimitTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task Guessing_access_codes_is_rate_limited_with_a_problem_response()
    {
        await app.CreateLiveEventAsync("access-guess", "desk-a");
        using var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 25 && last?.StatusCode != HttpStatusCode.TooManyRequests; attempt++)
        {
            last = await client.PostAsJsonAsync("/api/auth/desk", new { eventId = "access-guess", deskId = "desk-a", accessCode = attempt.ToString("D6", CultureInfo.InvariantCulture) });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }
}
