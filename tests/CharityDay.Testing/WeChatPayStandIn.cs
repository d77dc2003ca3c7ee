using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CharityDay.Testing;

/// <summary>
/// A stand-in of the WeChat Pay API v3 for tests and the load harness (not product code): Kestrel on a
/// free loopback port, taking H5 and Native orders signed by the merchant, answering them signed with its
/// own platform key, and "paying" an order by posting a notification it builds itself
/// (<see cref="WeChatPayStandInMessages"/>) to the order's <c>notify_url</c>.
/// </summary>
public sealed partial class WeChatPayStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, WeChatPayStandInOrder> _orders = new();
    private readonly ConcurrentDictionary<string, string> _notifications = new();
    private readonly HttpClient _ownNotifyClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly RSA _wrongKey = RSA.Create(2048);
    private int _signatureFailures;

    private WeChatPayStandIn(WeChatPayStandInKeys keys, WebApplication app)
    {
        Keys = keys;
        _app = app;
        NotifyClient = _ownNotifyClient;
    }

    public WeChatPayStandInKeys Keys { get; }

    /// <summary>Where the stand-in listens, e.g. <c>http://127.0.0.1:41234</c>: the server's <c>Payments:WeChatPay:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The orders accepted, by <c>out_trade_no</c> (only requests whose merchant signature verified).</summary>
    public IReadOnlyDictionary<string, WeChatPayStandInOrder> Orders => _orders;

    /// <summary>How many order requests were refused with 401 SIGN_ERROR.</summary>
    public int SignatureFailures => Volatile.Read(ref _signatureFailures);

    /// <summary>Sign answers with a key the server does not hold (a forged answer).</summary>
    public bool SignAnswersWithWrongKey { get; set; }

    /// <summary>The client the notifications are posted with; give it a test server's handler to reach an in-memory host.</summary>
    public HttpClient NotifyClient { get; set; }

    /// <summary>The clock the stand-in signs and checks timestamps with.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Starts a stand-in on <c>127.0.0.1:<paramref name="port"/></c> (any free port by default) that knows the merchant through <paramref name="keys"/>.</summary>
    public static async Task<WeChatPayStandIn> StartAsync(WeChatPayStandInKeys keys, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var standIn = new WeChatPayStandIn(keys, app);
        app.MapPost("/v3/pay/transactions/h5", context => standIn.TakeOrderAsync(context, "MWEB"));
        app.MapPost("/v3/pay/transactions/native", context => standIn.TakeOrderAsync(context, "NATIVE"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        standIn.BaseUrl = new Uri(address);
        return standIn;
    }

    /// <summary>Pays the order in full: posts a SUCCESS notification to its <c>notify_url</c> and returns the answer's status.</summary>
    public Task<HttpStatusCode> PayAsync(string outTradeNo, CancellationToken cancellationToken = default) =>
        DeliverAsync(outTradeNo, Notice(outTradeNo), cancellationToken);

    /// <summary>Posts the last notification of the order again (same body, same notification id, fresh signature), as WeChat Pay retries.</summary>
    public Task<HttpStatusCode> ResendAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        var body = _notifications.TryGetValue(outTradeNo, out var last)
            ? last
            : throw new InvalidOperationException($"No notification was sent for order '{outTradeNo}'.");
        return DeliverAsync(outTradeNo, WeChatPayStandInMessages.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, Clock.GetUtcNow(), body), cancellationToken);
    }

    /// <summary>The notification for an accepted order, with a chosen amount (the order's by default) and trade state.</summary>
    public WeChatPayStandInNotice Notice(string outTradeNo, long? amountFen = null, string tradeState = "SUCCESS")
    {
        var order = _orders.TryGetValue(outTradeNo, out var known)
            ? known
            : throw new InvalidOperationException($"The stand-in has no order '{outTradeNo}'.");
        var now = Clock.GetUtcNow();
        var transaction = WeChatPayStandInMessages.TransactionJson(
            Keys.MchId, Keys.AppId, order.OutTradeNo, order.TransactionId, tradeState, amountFen ?? order.TotalFen, now, tradeType: order.TradeType);
        var body = WeChatPayStandInMessages.EncryptedNotificationJson(Keys.ApiV3Key, transaction);
        return WeChatPayStandInMessages.SignedNotice(Keys.PlatformKey, Keys.PlatformSerial, now, body);
    }

    /// <summary>Posts <paramref name="notice"/> to the order's <c>notify_url</c> and remembers it for <see cref="ResendAsync"/>.</summary>
    public async Task<HttpStatusCode> DeliverAsync(string outTradeNo, WeChatPayStandInNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var order = _orders[outTradeNo];
        _notifications[outTradeNo] = notice.BodyText;
        using var request = notice.ToRequest(order.NotifyUrl);
        using var response = await NotifyClient.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>
    /// The configuration a server needs to use this stand-in: <c>Payments:Provider</c> = <c>wechatpay</c> and
    /// every <c>Payments:WeChatPay:*</c> setting (keys as PEM text, http notify URL allowed when it is http).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ServerSettings(WeChatPayStandInKeys keys, Uri notifyUrl, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(notifyUrl);
        ArgumentNullException.ThrowIfNull(baseUrl);
        const string prefix = "Payments:WeChatPay:";
        yield return new("Payments:Provider", "wechatpay");
        yield return new(prefix + "MchId", keys.MchId);
        yield return new(prefix + "AppId", keys.AppId);
        yield return new(prefix + "MerchantSerialNo", keys.MerchantSerialNo);
        yield return new(prefix + "MerchantPrivateKey", keys.MerchantPrivateKeyPem);
        yield return new(prefix + "ApiV3Key", keys.ApiV3Key);
        yield return new(prefix + "PlatformPublicKeys:" + keys.PlatformSerial, keys.PlatformPublicKeyPem);
        yield return new(prefix + "NotifyUrl", notifyUrl.ToString());
        yield return new(prefix + "AllowHttpNotifyUrl", notifyUrl.Scheme == Uri.UriSchemeHttp ? "true" : "false");
        yield return new(prefix + "BaseUrl", baseUrl.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownNotifyClient.Dispose();
        _wrongKey.Dispose();
    }
}
