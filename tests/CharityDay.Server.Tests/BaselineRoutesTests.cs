using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>
/// The load harness's baselines (a no-op ceiling and a naive one-row-update peer) exist only when
/// <c>CharityDay:Baselines:Enabled</c> is set: a production node must not expose them.
/// </summary>
public sealed class BaselineRoutesTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/baselines/ceiling/events/baseline-off/pledges" },
        { "POST", "/api/baselines/ceiling/events/baseline-off/donations" },
        { "POST", "/api/baselines/naive/events/baseline-off/pledges" },
        { "POST", "/api/baselines/naive/events/baseline-off/donations" },
        { "GET", "/api/baselines/naive/events/baseline-off/total" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Baseline_routes_are_404_by_default_even_for_the_admin(string method, string path)
    {
        await using var app = new CharityDayApp();
        var codes = await app.CreateLiveEventAsync("baseline-off", "desk-a");
        using var desk = await app.OperatorAsync("baseline-off", "desk-a", codes["desk-a"]);
        using var admin = app.Admin();

        foreach (var client in new[] { desk, admin })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = JsonContent.Create(path.EndsWith("/donations", StringComparison.Ordinal)
                    ? new { donationId = Pledges.NewId(), amountFen = 100L, anonymous = true }
                    : Pledges.Stage("desk-a", 100));
            }

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/events/baseline-off/audit");
        Assert.Equal(0, audit.GetProperty("ledgerEntryCount").GetInt64());
    }

    [Fact]
    public async Task When_enabled_the_ceiling_acks_without_recording_and_the_naive_peer_counts_each_id_once()
    {
        await using var plain = new CharityDayApp();
        await using var app = plain.WithWebHostBuilder(host => host.UseSetting("CharityDay:Baselines:Enabled", "true"));
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CharityDayApp.AdminKey);
        (await admin.PostAsJsonAsync("/api/events", new { id = "baseline-on", title = "基线", goalFen = 1L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        var desk = await (await admin.PostAsJsonAsync("/api/events/baseline-on/desks", new { deskId = "desk-a", name = "A" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        using var operatorClient = app.CreateClient();
        var signIn = await (await operatorClient.PostAsJsonAsync("/api/auth/desk", new { eventId = "baseline-on", deskId = "desk-a", accessCode = desk.GetProperty("accessCode").GetString() }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signIn.GetProperty("token").GetString());

        var ceiling = await operatorClient.PostAsJsonAsync("/api/baselines/ceiling/events/baseline-on/pledges", Pledges.Stage("desk-a", 700));
        var pledge = Pledges.Stage("desk-a", 500, pledgeId: Pledges.NewId());
        var first = await operatorClient.PostAsJsonAsync("/api/baselines/naive/events/baseline-on/pledges", pledge);
        var again = await operatorClient.PostAsJsonAsync("/api/baselines/naive/events/baseline-on/pledges", pledge);
        var donation = await app.CreateClient().PostAsJsonAsync("/api/baselines/naive/events/baseline-on/donations", new { donationId = Pledges.NewId(), amountFen = 30L, anonymous = true });
        var unsigned = await app.CreateClient().PostAsJsonAsync("/api/baselines/naive/events/baseline-on/pledges", Pledges.Stage("desk-a", 100));

        Assert.Equal(HttpStatusCode.Created, ceiling.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, donation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var total = await admin.GetFromJsonAsync<JsonElement>("/api/baselines/naive/events/baseline-on/total");
        Assert.Equal(530, total.GetProperty("totalFen").GetInt64());
        Assert.Equal(2, total.GetProperty("pledgeCount").GetInt64());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/events/baseline-on/audit");
        Assert.Equal(0, audit.GetProperty("ledgerEntryCount").GetInt64());
    }
}
