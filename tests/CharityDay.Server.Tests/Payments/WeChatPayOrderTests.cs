using CharityDay.Server.Payments;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// Orders over real HTTP against <see cref="WeChatPayStandIn"/>, which takes an order only when our
/// <c>Authorization</c> verifies with the merchant's public key, and which the adapter believes only
/// when its answer's signature verifies with the platform key.
/// </summary>
public sealed class WeChatPayOrderTests : IAsyncLifetime
{
    private static readonly WeChatPayStandInKeys Keys = WeChatPayStandInKeys.Generate();
    private WeChatPayStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await WeChatPayStandIn.StartAsync(Keys);

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    private static PaymentOrder Order(string outTradeNo, long amountFen = 20_000) =>
        new(outTradeNo, amountFen, "郑州慈善日 网络捐款", DateTimeOffset.UtcNow.AddMinutes(15), "198.51.100.23");

    private WeChatPayMerchant Merchant(params (string Key, string? Value)[] changes) =>
        WeChatPayMerchant.Create(Keys, baseUrl: _standIn.BaseUrl, changes: changes);

    [Fact]
    public async Task An_h5_order_is_taken_by_the_stand_in_and_opens_its_cashier()
    {
        using var merchant = Merchant();
        var order = Order("CD-h5-0001");

        var start = await merchant.Provider.CreateOrderAsync(order, CancellationToken.None);

        var taken = _standIn.Orders["CD-h5-0001"];
        Assert.Equal(new PaymentStart(PaymentStartKind.Redirect, taken.PaymentUrl), start);
        Assert.Equal(("MWEB", 20_000L, WeChatPayMerchant.NotifyUrl, "198.51.100.23"), (taken.TradeType, taken.TotalFen, taken.NotifyUrl, taken.PayerClientIp));
        Assert.Equal(order.ExpiresAt.ToUnixTimeSeconds(), taken.TimeExpire?.ToUnixTimeSeconds());
        Assert.Equal(0, _standIn.SignatureFailures);
    }

    [Fact]
    public async Task A_native_order_gives_a_code_to_show_as_a_qr_code()
    {
        using var merchant = Merchant(("Payments:WeChatPay:TradeType", "Native"));

        var start = await merchant.Provider.CreateOrderAsync(Order("CD-native-0001"), CancellationToken.None);

        Assert.Equal(PaymentStartKind.QrCode, start.Kind);
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", start.Url, StringComparison.Ordinal);
        Assert.Equal("NATIVE", _standIn.Orders["CD-native-0001"].TradeType);
    }

    [Fact]
    public async Task The_same_order_placed_again_gets_the_same_cashier()
    {
        using var merchant = Merchant();

        var first = await merchant.Provider.CreateOrderAsync(Order("CD-h5-0002"), CancellationToken.None);
        var again = await merchant.Provider.CreateOrderAsync(Order("CD-h5-0002"), CancellationToken.None);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task An_order_signed_with_a_key_the_stand_in_does_not_know_is_refused_as_sign_error()
    {
        using var otherKey = System.Security.Cryptography.RSA.Create(2048);
        using var merchant = Merchant(("Payments:WeChatPay:MerchantPrivateKey", otherKey.ExportPkcs8PrivateKeyPem()));

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => merchant.Provider.CreateOrderAsync(Order("CD-h5-0003"), CancellationToken.None));

        Assert.Contains("401 SIGN_ERROR", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _standIn.SignatureFailures);
        Assert.False(_standIn.Orders.ContainsKey("CD-h5-0003"));
    }

    [Fact]
    public async Task A_parameter_error_from_the_provider_becomes_an_exception_with_its_code()
    {
        using var merchant = Merchant();

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => merchant.Provider.CreateOrderAsync(Order("CD-h5-0004", amountFen: 0), CancellationToken.None));

        Assert.Contains("400 PARAM_ERROR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_whose_signature_does_not_verify_is_not_believed()
    {
        using var merchant = Merchant();
        _standIn.SignAnswersWithWrongKey = true;

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => merchant.Provider.CreateOrderAsync(Order("CD-h5-0005"), CancellationToken.None));

        Assert.Contains("signature is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_beyond_one_wechat_pay_order_is_refused_before_sending()
    {
        using var merchant = Merchant();

        await Assert.ThrowsAsync<PaymentProviderException>(() => merchant.Provider.CreateOrderAsync(Order("CD-h5-0006", amountFen: 3_000_000_000), CancellationToken.None));
        Assert.False(_standIn.Orders.ContainsKey("CD-h5-0006"));
    }

    [Fact]
    public async Task A_provider_nobody_listens_for_becomes_a_provider_exception()
    {
        using var merchant = WeChatPayMerchant.Create(Keys, baseUrl: new Uri($"http://127.0.0.1:{FreePort.Next()}"));

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => merchant.Provider.CreateOrderAsync(Order("CD-h5-0007"), CancellationToken.None));

        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_becomes_a_provider_exception()
    {
        var silent = new AnsweringHandler(async (_, timeout) =>
        {
            await Task.Delay(Timeout.Infinite, timeout);
            throw new InvalidOperationException("The delay only ends by cancellation.");
        });
        using var merchant = WeChatPayMerchant.Create(Keys, primaryHandler: _ => silent, changes: [("Payments:WeChatPay:RequestTimeout", "00:00:00.300")]);

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => merchant.Provider.CreateOrderAsync(Order("CD-h5-0008"), CancellationToken.None));

        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
    }
}
