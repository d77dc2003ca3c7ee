using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests;

/// <summary>Online giving on the embedded server, paid at the 演示收银台: only a paid order counts.</summary>
public sealed class DonationOrderTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Fact]
    public async Task An_order_moves_nothing_until_its_payment_is_taken_then_counts_once_with_a_receipt_number()
    {
        await app.CreateLiveEventAsync("order-flow");
        using var phone = app.Anonymous();
        using var admin = app.Admin();
        var order = await Donations.OrderAsync(phone, "order-flow", Donations.Body(88_00L, "网友甲", message: "加油"));
        var donationId = order.GetProperty("donationId").GetString();

        Assert.Equal(0, (await TotalAsync(phone, "order-flow")).GetProperty("totalFen").GetInt64());
        Assert.Equal(0, (await AuditAsync(admin, "order-flow")).GetProperty("ledgerEntryCount").GetInt64());
        var awaiting = await admin.GetFromJsonAsync<JsonElement>("/api/events/order-flow/donation-orders");
        Assert.Equal(1, awaiting.GetProperty("awaiting").GetInt32());
        Assert.Equal(88_00, awaiting.GetProperty("awaitingFen").GetInt64());
        Assert.Equal(donationId, Assert.Single(awaiting.GetProperty("orders").EnumerateArray()).GetProperty("donationId").GetString());

        var paid = await Donations.PayAtDemoCashierAsync(app, order);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal($"/e/order-flow?donation={donationId}", paid.Headers.Location?.OriginalString);

        var total = await Eventually.ReadAsync(() => TotalAsync(phone, "order-flow"), t => t.GetProperty("totalFen").GetInt64() == 88_00);
        Assert.Equal(88_00, total.GetProperty("totalFen").GetInt64());
        // The name waits for the moderator (ModerationFlowTests); approved, it shows.
        Assert.Equal("爱心人士", Assert.Single(total.GetProperty("recent").EnumerateArray()).GetProperty("displayName").GetString());
        (await admin.PostAsJsonAsync($"/api/events/order-flow/moderation/{donationId}", new { action = "approve" })).EnsureSuccessStatusCode();
        total = await Eventually.ReadAsync(() => TotalAsync(phone, "order-flow"), t => t.GetProperty("recent")[0].GetProperty("displayName").GetString() == "网友甲");
        Assert.Equal("网友甲", Assert.Single(total.GetProperty("recent").EnumerateArray()).GetProperty("displayName").GetString());
        var read = await phone.GetFromJsonAsync<JsonElement>($"/api/events/order-flow/donations/{donationId}");
        Assert.Equal("paid", read.GetProperty("status").GetString());
        Assert.Equal(order.GetProperty("orderNo").GetString(), read.GetProperty("orderNo").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("payment").ValueKind);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/events/order-flow/donation-orders?all=true");
        Assert.Equal(0, after.GetProperty("awaiting").GetInt32());
        Assert.Equal(1, after.GetProperty("paid").GetInt32());
        Assert.StartsWith("4200", Assert.Single(after.GetProperty("orders").EnumerateArray()).GetProperty("transactionId").GetString());
        Assert.Equal(1, (await AuditAsync(admin, "order-flow")).GetProperty("ledgerEntryCount").GetInt64());
    }

    [Fact]
    public async Task Paying_twice_and_ordering_again_after_payment_record_it_once()
    {
        await app.CreateLiveEventAsync("order-twice");
        using var phone = app.Anonymous();
        var body = Donations.Body(500_00L);
        var order = await Donations.OrderAsync(phone, "order-twice", body);

        var first = await Donations.PayAtDemoCashierAsync(app, order);
        var second = await Donations.PayAtDemoCashierAsync(app, order);
        var again = await phone.PostAsJsonAsync("/api/events/order-twice/donations", body);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("演示收银台", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("paid", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var admin = app.Admin();
        var audit = await AuditAsync(admin, "order-twice");
        Assert.Equal(1, audit.GetProperty("ledgerEntryCount").GetInt64());
        Assert.Equal(500_00, audit.GetProperty("ledgerTotalFen").GetInt64());
    }

    [Fact]
    public async Task The_demo_cashier_says_演示收银台_and_shows_the_order()
    {
        await app.CreateLiveEventAsync("order-page");
        using var phone = app.Anonymous();
        var order = await Donations.OrderAsync(phone, "order-page", Donations.Body(66_00L, "网友乙"));

        using var cashier = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await cashier.GetAsync(order.GetProperty("payment").GetProperty("url").GetString());
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("演示收银台", html, StringComparison.Ordinal);
        Assert.Contains("¥66.00", html, StringComparison.Ordinal);
        Assert.Contains("模拟支付", html, StringComparison.Ordinal);
        Assert.Contains(order.GetProperty("orderNo").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var unknown = await cashier.GetAsync("/pay/demo/CD000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("演示收银台", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_online_cap_is_5万元_apart_from_the_stage_cap_and_a_refused_order_stores_nothing()
    {
        await app.CreateLiveEventAsync("order-cap");
        using var phone = app.Anonymous();

        var over = await phone.PostAsJsonAsync("/api/events/order-cap/donations", Donations.Body(5_000_000L + 1));
        var at = await phone.PostAsJsonAsync("/api/events/order-cap/donations", Donations.Body(5_000_000L));

        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.True((await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("amountFen", out _));
        Assert.Equal(HttpStatusCode.Accepted, at.StatusCode);
        using var admin = app.Admin();
        var orders = await admin.GetFromJsonAsync<JsonElement>("/api/events/order-cap/donation-orders?all=true");
        Assert.Equal(1, orders.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_donation_is_a_problem_and_the_orders_list_is_the_admins()
    {
        await app.CreateLiveEventAsync("order-read");
        using var phone = app.Anonymous();

        var unknown = await phone.GetAsync("/api/events/order-read/donations/" + Pledges.NewId());
        var list = await phone.GetAsync("/api/events/order-read/donation-orders");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    private static Task<JsonElement> TotalAsync(HttpClient client, string eventId) =>
        client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/total");

    private static Task<JsonElement> AuditAsync(HttpClient admin, string eventId) =>
        admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit");
}
