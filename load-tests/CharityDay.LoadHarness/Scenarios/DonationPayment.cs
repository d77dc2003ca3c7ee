using System.Net.Http.Headers;
using System.Text.Json;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Online giving as a phone and its payment provider do it: create the order (same id on every retry),
/// then have it paid — at the server's 演示收银台 (embedded mode) or by the WeChat Pay stand-in, which
/// sends the signed notice. The answer the book records is 201 once the payment was taken, 200 when
/// the order was already paid, otherwise the answer that stopped it (a retry starts again at the order).
/// </summary>
internal sealed class DonationPayment(HttpClient http, Func<string, Task<int>>? payAtProvider)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The order, then its payment; <paramref name="paying"/> is called as the payment leaves (where the donation's screen latency counts from).</summary>
    public async Task<(int Status, long Received)> GiveAsync(string ordersPath, byte[] body, Action paying)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ordersPath) { Content = new ByteArrayContent(body) { Headers = { ContentType = Json } } };
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var status = (int)response.StatusCode;
        if (status is not (200 or 202))
        {
            return (status, answer.Length);
        }

        using var order = JsonDocument.Parse(answer);
        var root = order.RootElement;
        switch (root.GetProperty("status").GetString())
        {
            case "paid":
                return (200, answer.Length);
            case "expired":
                return (410, answer.Length);
        }

        paying();
        var paid = payAtProvider is null
            ? await PayAtDemoCashierAsync(root.GetProperty("payment").GetProperty("url").GetString()!)
            : await payAtProvider(root.GetProperty("orderNo").GetString()!);
        return (paid, answer.Length);
    }

    /// <summary>「模拟支付」: the cashier sends the notice and redirects back to the phone page (302) once it was taken.</summary>
    private async Task<int> PayAtDemoCashierAsync(string url)
    {
        using var response = await http.PostAsync(url, new FormUrlEncodedContent([]));
        return response.StatusCode switch
        {
            System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.SeeOther => 201,
            System.Net.HttpStatusCode.Conflict => 200, // paid meanwhile (a double tap's other half)
            var other => (int)other,
        };
    }
}
