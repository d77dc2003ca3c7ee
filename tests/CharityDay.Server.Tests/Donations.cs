using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests;

/// <summary>
/// Online giving as a phone does it on the embedded server: create the order, pay it at the 演示收银台
/// (which sends the signed notice), read the order back.
/// </summary>
internal static class Donations
{
    public static object Body(long amountFen, string? donorName = null, string? donationId = null, string? message = null) => new
    {
        donationId = donationId ?? Pledges.NewId(),
        amountFen,
        donorName,
        anonymous = donorName is null,
        message,
    };

    /// <summary>Creates the order; asserts it awaits payment and returns it.</summary>
    public static async Task<JsonElement> OrderAsync(HttpClient phone, string eventId, object body)
    {
        var answer = await phone.PostAsJsonAsync($"/api/events/{eventId}/donations", body);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        var order = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("awaiting-payment", order.GetProperty("status").GetString());
        return order;
    }

    /// <summary>Presses 「模拟支付」 on the demo cashier for the order; returns the answer (303 back to the phone page when taken).</summary>
    public static async Task<HttpResponseMessage> PayAtDemoCashierAsync(CharityDayApp app, JsonElement order)
    {
        using var cashier = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = order.GetProperty("payment").GetProperty("url").GetString()!;
        return await cashier.PostAsync(url, new FormUrlEncodedContent([]));
    }

    /// <summary>Orders and pays one donation; returns the order as the phone then reads it (paid).</summary>
    public static async Task<JsonElement> GiveAsync(
        CharityDayApp app, string eventId, long amountFen, string? donorName = null, string? donationId = null, string? message = null)
    {
        using var phone = app.Anonymous();
        var order = await OrderAsync(phone, eventId, Body(amountFen, donorName, donationId, message));
        var paid = await PayAtDemoCashierAsync(app, order);
        Assert.True(paid.StatusCode == HttpStatusCode.Redirect, $"{paid.StatusCode}: {await paid.Content.ReadAsStringAsync()}");
        return await phone.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/donations/{order.GetProperty("donationId").GetString()}");
    }
}
