using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>Which provider takes online money: the demo cashier only in embedded mode, none means no online giving.</summary>
public sealed class PaymentModeTests
{
    [Fact]
    public void A_production_node_refuses_to_start_with_the_demo_cashier()
    {
        using var app = CharityDayApp.With(
            ("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=none"),
            ("Payments:Provider", "demo"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("演示收银台", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Payments:Provider", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_start()
    {
        using var app = CharityDayApp.With(("Payments:Provider", "alipay-maybe"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Payments:Provider must be", error.ToString(), StringComparison.Ordinal);
    }

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
