using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// Signs as WeChat Pay signs its answers and notifications (<c>Wechatpay-Serial</c>, <c>-Timestamp</c>,
/// <c>-Nonce</c>, <c>-Signature</c> over <c>timestamp\nnonce\nbody\n</c>) with a platform private key. For the
/// embedded demo's cashier, which answers the adapter's order requests in process with keys it generated;
/// a real server never holds a platform private key.
/// </summary>
public sealed class WeChatPayPlatformSigner(RSA platformPrivateKey, string platformSerial, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The four <c>Wechatpay-*</c> headers for <paramref name="body"/>, signed now with a fresh nonce.</summary>
    public WeChatPaySignedMessage Sign(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPaySignature.NewNonce();
        var signature = WeChatPaySignature.Sign(platformPrivateKey, WeChatPaySignature.AnswerMessage(timestamp, nonce, body));
        var headers = new Dictionary<string, string>
        {
            [WeChatPayVerifier.SerialHeader] = platformSerial,
            [WeChatPayVerifier.TimestampHeader] = timestamp,
            [WeChatPayVerifier.NonceHeader] = nonce,
            [WeChatPayVerifier.SignatureHeader] = signature,
        };
        return new WeChatPaySignedMessage(headers, body);
    }

    /// <summary>An API answer (e.g. 200 with <c>{"h5_url":…}</c>) as WeChat Pay sends it: JSON body and signature headers.</summary>
    public HttpResponseMessage Answer(HttpStatusCode status, byte[] jsonBody)
    {
        var signed = Sign(jsonBody);
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(signed.Body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in signed.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
