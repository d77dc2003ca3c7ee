using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>Without a payment provider there is no online giving, and the stage goes on (start-up refusals: <c>StartFailureTests</c>).</summary>
public sealed class PaymentModeTests
{
    [Fact]
    public async Task Without_a_provider_online_giving_is_off_with_a_clear_problem_and_stage_pledges_still_count()
    {
        await using var app = CharityDayApp.With(("Payments:Provider", "none"));
        var codes = await app.CreateLiveEventAsync("no-payments", "desk-a");
        using var phone = app.Anonymous();
        using var desk = await app.OperatorAsync("no-payments", "desk-a", codes["desk-a"]);

        var donation = await phone.PostAsJsonAsync("/api/events/no-payments/donations", Donations.Body(100_00L));
        var pledge = await desk.PostAsJsonAsync("/api/events/no-payments/pledges", Pledges.Stage("desk-a", 100_00));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, donation.StatusCode);
        Assert.Contains("网络捐款暂未开通", (await donation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, pledge.StatusCode);
        using var cashier = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await cashier.GetAsync("/pay/demo/CD000000000000000000000000000000")).StatusCode);
    }
}
