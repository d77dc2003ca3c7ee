using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// One in-memory server for the whole fuzz class, with rate limits raised so that thousands of requests
/// from one address are judged on their content: a live main event (desks <c>desk-a</c>, whose operator
/// sends the pledges, and <c>desk-z</c>, whose code and tokens the fuzz rotates and revokes), a seeded
/// pledge to void, and a spare event whose status the fuzz opens and closes.
/// </summary>
public sealed class FuzzScene : IAsyncLifetime
{
    private static readonly (string, string)[] Settings =
    [
        ("CharityDay:RateLimits:DonationOrderBurst", "1000000"), ("CharityDay:RateLimits:DonationOrdersPerSecond", "100000"),
        ("CharityDay:RateLimits:EventOrdersPerSecond", "1000000"), ("CharityDay:RateLimits:SignInBurst", "100000"),
        ("CharityDay:RateLimits:SignInsPerSecond", "10000"), ("CharityDay:RateLimits:SignInFailuresPerAddress", "1000"),
        ("CharityDay:RateLimits:SignInFailuresPerDesk", "100000"),
    ];

    private readonly ConcurrentDictionary<string, int> _answers = new();
    private WriteState _state = null!;

    internal CharityDayApp App { get; } = CharityDayApp.With(Settings);

    internal string MainEventId { get; } = "fz-main-" + Guid.NewGuid().ToString("N")[..8];

    internal string SpareEventId { get; } = "fz-spare-" + Guid.NewGuid().ToString("N")[..8];

    internal string DeskCode { get; private set; } = "";

    internal string SeededPledgeId { get; } = Pledges.NewId();

    internal HttpClient Desk { get; private set; } = null!;

    /// <summary>An order awaiting payment at the demo cashier (the embedded server's provider).</summary>
    internal string DemoOrderNo { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var codes = await App.CreateLiveEventAsync(MainEventId, "desk-a", "desk-z");
        await App.CreateLiveEventAsync(SpareEventId, "desk-a");
        DeskCode = codes["desk-a"];
        Desk = await App.OperatorAsync(MainEventId, "desk-a", DeskCode);
        (await Desk.PostAsJsonAsync($"/api/events/{MainEventId}/pledges", Pledges.Stage("desk-a", 123_00, SeededPledgeId))).EnsureSuccessStatusCode();
        using var phone = App.Anonymous();
        DemoOrderNo = (await Donations.OrderAsync(phone, MainEventId, Donations.Body(66_00, "网友甲"))).GetProperty("orderNo").GetString()!;
        _state = await WriteState.SettledAsync(App, MainEventId, SpareEventId);
    }

    /// <summary>How many requests got each answer, per route, since the last call.</summary>
    internal string TakeTally(string route)
    {
        var lines = _answers.Where(a => a.Key.StartsWith(route + " ", StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        foreach (var (key, _) in lines)
        {
            _answers.TryRemove(key, out _);
        }

        return string.Join(", ", lines.Select(l => $"{l.Key[(route.Length + 1)..]}×{l.Value}"));
    }

    /// <summary>
    /// Sends the request and checks the properties: never 5xx; a 2xx only where the input may be taken and
    /// a 4xx only where it may be refused; a refusal is problem+json naming a field (unless its status
    /// speaks for itself) and leaves <see cref="WriteState"/> exactly as it was. After any answer the
    /// state is read again, so a failing input is judged alone and does not taint the next one.
    /// </summary>
    internal async Task CheckAsync(FuzzRequest request, bool problemJson = true)
    {
        var before = _state;
        using var message = Message(request);
        using var client = Client(request.Caller);
        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        _answers.AddOrUpdate($"{request.Route} {status}", 1, (_, n) => n + 1);
        try
        {
            Assert.True(status < 500, $"{status}: {text}");
            if (status < 400)
            {
                Assert.True(request.Expect != Expect.Refuse, $"taken ({status}) but must be refused: {text}");
                _state = await WriteState.SettledAsync(App, MainEventId, SpareEventId);
                return;
            }

            Assert.True(request.Expect != Expect.Accept, $"refused ({status}) but must be taken: {text}");
            if (problemJson)
            {
                RefusalProblem.Assert(status, response.Content.Headers.ContentType?.MediaType, text);
            }

            var after = await WriteState.ReadAsync(App, MainEventId, SpareEventId);
            Assert.True(after == before, $"a refusal ({status}) changed the state:\n before {before}\n after  {after}");
        }
        catch
        {
            _state = await WriteState.SettledAsync(App, MainEventId, SpareEventId);
            throw;
        }
    }

    private static HttpRequestMessage Message(FuzzRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Path.Url);
        if (request.Body.Bytes.Length > 0 || request.Body.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body.Bytes);
            if (request.Body.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        return message;
    }

    private HttpClient Client(Caller caller)
    {
        // Not following redirects: the demo cashier's 303 is its answer, the page it points to is not.
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = caller switch
        {
            Caller.Admin => new AuthenticationHeaderValue("Bearer", CharityDayApp.AdminKey),
            Caller.Desk => Desk.DefaultRequestHeaders.Authorization,
            Caller.UnknownToken => new AuthenticationHeaderValue("Bearer", "not-a-token-" + CharityDayApp.AdminKey[..4]),
            _ => null,
        };
        return client;
    }

    public async Task DisposeAsync()
    {
        Desk?.Dispose();
        await App.DisposeAsync();
    }
}
