using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// Places an order with WeChat Pay (H5下单 or Native下单): the body as documented, signed with the merchant
/// key in <c>Authorization</c>, and the answer believed only when its <c>Wechatpay-Signature</c> verifies.
/// Every failure, refusal, timeout or forged answer becomes a <see cref="PaymentProviderException"/>.
/// </summary>
internal sealed class WeChatPayOrderClient(IHttpClientFactory httpClients, WeChatPayOptions options, WeChatPayKeys keys, WeChatPayVerifier verifier, TimeProvider clock)
{
    public const string HttpClientName = "WeChatPay";
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public async Task<PaymentStart> CreateAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        if (order.AmountFen > int.MaxValue)
        {
            throw new PaymentProviderException($"金额超出微信支付单笔订单上限 (the amount exceeds what one WeChat Pay order carries: {int.MaxValue} fen).");
        }

        var path = options.IsNative ? "v3/pay/transactions/native" : "v3/pay/transactions/h5";
        var body = JsonSerializer.SerializeToUtf8Bytes(Request(order), WeChatPayJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(), path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("CharityDayLive", "1.0"));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPaySignature.NewNonce();
        var signature = WeChatPaySignature.Sign(keys.MerchantKey, WeChatPaySignature.RequestMessage("POST", request.RequestUri!.PathAndQuery, timestamp, nonce, body));
        request.Headers.TryAddWithoutValidation("Authorization", WeChatPaySignature.Authorization(options.MchId!, options.MerchantSerialNo!, timestamp, nonce, signature));

        var (status, headers, answer) = await SendAsync(request, cancellationToken);
        if ((int)status is < 200 or > 299)
        {
            throw new PaymentProviderException(Refused((int)status, answer));
        }

        if (verifier.Check(headers, answer) is { } refusal)
        {
            throw new PaymentProviderException($"微信支付的应答未通过验签 (WeChat Pay's answer was not believed: {refusal}).");
        }

        var parsed = Parse<WeChatPayOrderAnswer>(answer);
        if (options.IsNative)
        {
            return parsed?.CodeUrl is { Length: > 0 } codeUrl
                ? new PaymentStart(PaymentStartKind.QrCode, codeUrl)
                : throw new PaymentProviderException("微信支付的应答没有 code_url (WeChat Pay's answer has no code_url).");
        }

        return parsed?.H5Url is { } h5Url && Uri.IsWellFormedUriString(h5Url, UriKind.Absolute)
            ? new PaymentStart(PaymentStartKind.Redirect, h5Url)
            : throw new PaymentProviderException("微信支付的应答没有 h5_url (WeChat Pay's answer has no usable h5_url).");
    }

    private WeChatPayOrderRequest Request(PaymentOrder order) => new(
        options.AppId!,
        options.MchId!,
        order.Description,
        order.OutTradeNo,
        order.ExpiresAt.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        options.NotifyUrl!,
        new WeChatPayOrderAmount(order.AmountFen, "CNY"),
        new WeChatPaySceneInfo(order.PayerAddress, options.IsNative ? null : new WeChatPayH5Info("Wap")));

    private async Task<(System.Net.HttpStatusCode Status, Func<string, string?> Headers, byte[] Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = response.Headers;
            return (response.StatusCode, name => headers.TryGetValues(name, out var values) && values.Count() == 1 ? values.First() : null, body);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderException($"微信支付未在 {options.RequestTimeout.TotalSeconds:0.#} 秒内应答 (WeChat Pay did not answer in time; try again).", error);
        }
        catch (HttpRequestException error)
        {
            throw new PaymentProviderException($"无法连接微信支付 (WeChat Pay cannot be reached: {error.HttpRequestError}; try again).", error);
        }
    }

    private static string Refused(int status, byte[] answer)
    {
        var error = Parse<WeChatPayErrorAnswer>(answer);
        var code = Clean(error?.Code, 32) is { Length: > 0 } known ? known : "UNKNOWN";
        return $"微信支付拒绝了订单 (WeChat Pay refused the order): HTTP {status} {code}: {Clean(error?.Message, 200)}";
    }

    /// <summary>Text from the provider made fit for a log line and a message: no control characters, bounded.</summary>
    private static string Clean(string? text, int length) =>
        text is null ? "" : new string([.. text.Where(c => !char.IsControl(c)).Take(length)]);

    private Uri BaseUri() => new(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/", UriKind.Absolute);

    private static T? Parse<T>(byte[] json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, WeChatPayJson.Options);
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            return null;
        }
    }
}
