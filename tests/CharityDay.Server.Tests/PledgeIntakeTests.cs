using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CharityDay.Server.Tests;

public sealed class PledgeIntakeTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task A_pledge_is_acknowledged_once_and_a_retry_gets_the_first_answer()
    {
        var codes = await app.CreateLiveEventAsync("intake-retry", "desk-a");
        using var desk = await app.OperatorAsync("intake-retry", "desk-a", codes["desk-a"]);
        var pledge = Pledges.Stage("desk-a", 5_000_000_00);

        var first = await desk.PostAsJsonAsync("/api/events/intake-retry/pledges", pledge);
        var retry = await desk.PostAsJsonAsync("/api/events/intake-retry/pledges", pledge);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var audit = await AuditAsync("intake-retry");
        Assert.Equal(5_000_000_00, audit.GetProperty("ledgerTotalFen").GetInt64());
        Assert.Equal(1, audit.GetProperty("ledgerEntryCount").GetInt64());
    }

    [Fact]
    public async Task The_same_id_with_different_content_is_refused_and_changes_nothing()
    {
        var codes = await app.CreateLiveEventAsync("intake-conflict", "desk-a");
        using var desk = await app.OperatorAsync("intake-conflict", "desk-a", codes["desk-a"]);
        var id = Pledges.NewId();
        (await desk.PostAsJsonAsync("/api/events/intake-conflict/pledges", Pledges.Stage("desk-a", 100_000_00, id))).EnsureSuccessStatusCode();

        var changed = await desk.PostAsJsonAsync("/api/events/intake-conflict/pledges", Pledges.Stage("desk-a", 10_000_00, id));

        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var audit = await AuditAsync("intake-conflict");
        Assert.Equal(100_000_00, audit.GetProperty("ledgerTotalFen").GetInt64());
        Assert.Equal(1, audit.GetProperty("ledgerEntryCount").GetInt64());
    }

    public static TheoryData<string, string> InvalidPledges => new()
    {
        { "zero amount", """{"pledgeId":"p-00000001","deskId":"desk-a","amountFen":0,"donorName":"甲","donorKind":"enterprise","anonymous":false}""" },
        { "negative amount", """{"pledgeId":"p-00000002","deskId":"desk-a","amountFen":-100,"donorName":"甲","donorKind":"enterprise","anonymous":false}""" },
        { "above the cap", """{"pledgeId":"p-00000003","deskId":"desk-a","amountFen":100000000001,"donorName":"甲","donorKind":"enterprise","anonymous":false}""" },
        { "fractional fen", """{"pledgeId":"p-00000004","deskId":"desk-a","amountFen":100.5,"donorName":"甲","donorKind":"enterprise","anonymous":false}""" },
        { "amount as text", """{"pledgeId":"p-00000005","deskId":"desk-a","amountFen":"500万","donorName":"甲","donorKind":"enterprise","anonymous":false}""" },
        { "missing name", """{"pledgeId":"p-00000006","deskId":"desk-a","amountFen":100,"donorName":"  ","donorKind":"enterprise","anonymous":false}""" },
        { "name too long", $$"""{"pledgeId":"p-00000007","deskId":"desk-a","amountFen":100,"donorName":"{{new string('捐', 65)}}","donorKind":"enterprise","anonymous":false}""" },
        { "control character", """{"pledgeId":"p-00000008","deskId":"desk-a","amountFen":100,"donorName":"甲\u0007乙","donorKind":"enterprise","anonymous":false}""" },
        { "bidi override", """{"pledgeId":"p-00000009","deskId":"desk-a","amountFen":100,"donorName":"甲\u202E乙","donorKind":"enterprise","anonymous":false}""" },
        { "short pledge id", """{"pledgeId":"p1","deskId":"desk-a","amountFen":100,"donorName":"甲","donorKind":"enterprise","anonymous":false}""" },
        { "unknown donor kind", """{"pledgeId":"p-00000010","deskId":"desk-a","amountFen":100,"donorName":"甲","donorKind":"alien","anonymous":false}""" },
        { "missing donor kind", """{"pledgeId":"p-00000011","deskId":"desk-a","amountFen":100,"donorName":"甲","anonymous":false}""" },
        { "note too long", $$"""{"pledgeId":"p-00000012","deskId":"desk-a","amountFen":100,"donorName":"甲","donorKind":"enterprise","anonymous":false,"note":"{{new string('x', 201)}}"}""" },
        { "not json", "500万" },
    };

    [Theory]
    [MemberData(nameof(InvalidPledges))]
    public async Task Bad_input_gets_a_problem_response_and_records_nothing(string because, string body)
    {
        var eventId = "intake-bad-" + Guid.NewGuid().ToString("N")[..12];
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);

        var response = await desk.PostAsync($"/api/events/{eventId}/pledges", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await AuditAsync(eventId)).GetProperty("ledgerEntryCount").GetInt64());
    }

    [Fact]
    public async Task Unknown_event_or_desk_is_404_and_a_closed_event_is_409()
    {
        var codes = await app.CreateLiveEventAsync("intake-status", "desk-a");
        using var desk = await app.OperatorAsync("intake-status", "desk-a", codes["desk-a"]);

        var unknownEvent = await desk.PostAsJsonAsync("/api/events/no-such-event/pledges", Pledges.Stage("desk-a", 100));
        var unknownDesk = await desk.PostAsJsonAsync("/api/events/intake-status/pledges", Pledges.Stage("desk-z", 100));
        using var admin = app.Admin();
        (await admin.PostAsync("/api/events/intake-status/close", null)).EnsureSuccessStatusCode();
        var closed = await desk.PostAsJsonAsync("/api/events/intake-status/pledges", Pledges.Stage("desk-a", 100));
        var closedDonation = await app.Anonymous().PostAsJsonAsync("/api/events/intake-status/donations",
            new { donationId = Pledges.NewId(), amountFen = 100, anonymous = true });

        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDesk.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closedDonation.StatusCode);
        Assert.Equal(0, (await AuditAsync("intake-status")).GetProperty("ledgerEntryCount").GetInt64());
    }

    [Fact]
    public async Task A_desk_added_during_the_show_takes_pledges_at_once()
    {
        var codes = await app.CreateLiveEventAsync("intake-late-desk", "desk-a");
        using var deskA = await app.OperatorAsync("intake-late-desk", "desk-a", codes["desk-a"]);
        Assert.Equal(HttpStatusCode.Created, (await deskA.PostAsJsonAsync("/api/events/intake-late-desk/pledges", Pledges.Stage("desk-a", 100_00))).StatusCode);

        using var admin = app.Admin();
        var added = await admin.PostAsJsonAsync("/api/events/intake-late-desk/desks", new { deskId = "desk-b", name = "补设录入台" });
        added.EnsureSuccessStatusCode();
        var code = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        using var deskB = await app.OperatorAsync("intake-late-desk", "desk-b", code);
        var late = await deskB.PostAsJsonAsync("/api/events/intake-late-desk/pledges", Pledges.Stage("desk-b", 200_00));

        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.Equal(300_00, (await AuditAsync("intake-late-desk")).GetProperty("ledgerTotalFen").GetInt64());
    }

    [Fact]
    public async Task An_online_donation_needs_no_sign_in_is_idempotent_and_shows_anonymous_donors_as_爱心人士()
    {
        await app.CreateLiveEventAsync("intake-online");
        using var phone = app.Anonymous();
        var donation = new { donationId = Pledges.NewId(), amountFen = 200_00L, donorName = "王小明", anonymous = true, message = "加油" };

        var first = await phone.PostAsJsonAsync("/api/events/intake-online/donations", donation);
        var retry = await phone.PostAsJsonAsync("/api/events/intake-online/donations", donation);
        var changed = await phone.PostAsJsonAsync("/api/events/intake-online/donations", donation with { amountFen = 300_00L });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        var order = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(order.GetProperty("orderNo").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await Donations.PayAtDemoCashierAsync(app, order)).StatusCode);
        var total = await Eventually.ReadAsync(
            () => phone.GetFromJsonAsync<JsonElement>("/api/events/intake-online/total"), total => total.GetProperty("totalFen").GetInt64() == 200_00);
        Assert.Equal(200_00, total.GetProperty("totalFen").GetInt64());
        var recent = Assert.Single(total.GetProperty("recent").EnumerateArray());
        Assert.Equal("爱心人士", recent.GetProperty("displayName").GetString());
        Assert.DoesNotContain("王小明", total.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> AuditAsync(string eventId)
    {
        using var admin = app.Admin();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit");
    }
}
