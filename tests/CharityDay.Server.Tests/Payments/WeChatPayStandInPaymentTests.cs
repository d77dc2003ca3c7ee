using System.Net;
using System.Text.Json.Nodes;
using CharityDay.Server.Payments;
using Microsoft.AspNetCore.Http;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// The whole round: an order placed with the stand-in, "paid" by a notification the stand-in builds on
/// its own, posted to the order's notify URL and read by the provider; again as a duplicate; and with an
/// amount or a state the test chooses. Also what the provider answers WeChat Pay.
/// </summary>
public sealed class WeChatPayStandInPaymentTests : IAsyncLifetime
{
    private static readonly WeChatPayStandInKeys Keys = WeChatPayStandInKeys.Generate();
    private WeChatPayStandIn _standIn = null!;
    private WeChatPayMerchant _merchant = null!;
    private NoticeEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _standIn = await WeChatPayStandIn.StartAsync(Keys);
        _merchant = WeChatPayMerchant.Create(Keys, baseUrl: _standIn.BaseUrl);
        _endpoint = new NoticeEndpoint(_merchant.Provider);
        _standIn.NotifyClient = new HttpClient(_endpoint);
    }

    public async Task DisposeAsync()
    {
        _standIn.NotifyClient.Dispose();
        await _standIn.DisposeAsync();
        _merchant.Dispose();
    }

    private async Task PlaceAsync(string outTradeNo, long amountFen) =>
        await _merchant.Provider.CreateOrderAsync(new PaymentOrder(outTradeNo, amountFen, "慈善日捐款", DateTimeOffset.UtcNow.AddMinutes(15), "198.51.100.9"), CancellationToken.None);

    [Fact]
    public async Task A_paid_order_is_acknowledged_with_204_and_read_as_paid_in_full()
    {
        await PlaceAsync("CD-pay-0001", 66_600);

        var status = await _standIn.PayAsync("CD-pay-0001");

        Assert.Equal(HttpStatusCode.NoContent, status);
        var notice = Assert.Single(_endpoint.Reads).Notice;
        Assert.Equal(("CD-pay-0001", _standIn.Orders["CD-pay-0001"].TransactionId, 66_600L, true), (notice!.OutTradeNo, notice.TransactionId, notice.AmountFen, notice.IsPaid));
    }

    [Fact]
    public async Task A_resent_notification_carries_the_same_transaction_and_is_read_again()
    {
        await PlaceAsync("CD-pay-0002", 10_000);
        await _standIn.PayAsync("CD-pay-0002");

        var status = await _standIn.ResendAsync("CD-pay-0002");

        Assert.Equal(HttpStatusCode.NoContent, status);
        var reads = _endpoint.Reads.ToArray();
        Assert.Equal(2, reads.Length);
        Assert.Equal(reads[0].Notice, reads[1].Notice);
    }

    [Fact]
    public async Task A_notification_with_a_chosen_amount_and_state_is_read_as_sent()
    {
        await PlaceAsync("CD-pay-0003", 10_000);

        await _standIn.DeliverAsync("CD-pay-0003", _standIn.Notice("CD-pay-0003", amountFen: 1));
        await _standIn.DeliverAsync("CD-pay-0003", _standIn.Notice("CD-pay-0003", tradeState: "PAYERROR"));

        var reads = _endpoint.Reads.Select(read => read.Notice!).ToArray();
        Assert.Equal((1L, true), (reads[0].AmountFen, reads[0].IsPaid));
        Assert.Equal((10_000L, "PAYERROR", false), (reads[1].AmountFen, reads[1].TradeState, reads[1].IsPaid));
    }

    [Fact]
    public async Task A_refused_notification_is_answered_with_the_status_and_wechat_pays_fail_body()
    {
        await PlaceAsync("CD-pay-0004", 10_000);
        var forged = _standIn.Notice("CD-pay-0004").WithHeader("Wechatpay-Serial", "PUB_KEY_ID_0000000000000000000000000000");

        using var response = await NoticeEndpoint.ExecuteAsync(_merchant.Provider.Refuse(StatusCodes.Status400BadRequest, "签名验证失败 (signature)"));
        var status = await _standIn.DeliverAsync("CD-pay-0004", forged);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("FAIL", "签名验证失败 (signature)"), ((string?)body["code"], (string?)body["message"]));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledgement_is_204_without_a_body()
    {
        using var response = await NoticeEndpoint.ExecuteAsync(_merchant.Provider.Acknowledge());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
