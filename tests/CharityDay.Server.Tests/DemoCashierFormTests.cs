using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests;

/// <summary>
/// The demo cashier's 「模拟支付」 form is read before anything is paid; a form that cannot be read is
/// refused with a page saying so (400), not a 503 "retry", and pays nothing. Found by the write-route fuzz.
/// </summary>
public sealed class DemoCashierFormTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    [Theory]
    [InlineData("back=%00", "application/x-www-form-urlencoded")]
    [InlineData("--x--", "multipart/form-data")]
    [InlineData("--x\r\n", "multipart/form-data; boundary=x")]
    public async Task A_form_that_cannot_be_read_is_refused_and_pays_nothing(string form, string contentType)
    {
        var eventId = "cashier-form-" + Math.Abs(form.GetHashCode(StringComparison.Ordinal));
        await app.CreateLiveEventAsync(eventId);
        using var phone = app.Anonymous();
        var order = await Donations.OrderAsync(phone, eventId, Donations.Body(66_00, "网友甲"));
        using var cashier = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var content = new StringContent(form, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var answer = await cashier.PostAsync(order.GetProperty("payment").GetProperty("url").GetString(), content);

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"cashier-refused\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var status = await phone.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/donations/{order.GetProperty("donationId").GetString()}");
        Assert.Equal("awaiting-payment", status.GetProperty("status").GetString());
        using var admin = app.Admin();
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit")).GetProperty("ledgerEntryCount").GetInt64());
    }
}
