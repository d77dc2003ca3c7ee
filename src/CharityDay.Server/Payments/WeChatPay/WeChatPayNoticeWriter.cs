using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// Builds a payment notification exactly as WeChat Pay posts it (支付通知): the documented envelope with
/// the transaction encrypted in AEAD_AES_256_GCM under the APIv3 key, signed with the platform key. For the
/// embedded demo's cashier, whose "paid" must travel the same path and checks as a real one.
/// </summary>
public sealed class WeChatPayNoticeWriter
{
    private const string AssociatedData = "transaction";
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly WeChatPayPlatformSigner _signer;
    private readonly byte[] _apiV3Key;
    private readonly TimeProvider _clock;

    /// <param name="platformPrivateKey">The key whose public half the server holds under <paramref name="platformSerial"/>.</param>
    /// <param name="platformSerial">The serial sent as <c>Wechatpay-Serial</c>.</param>
    /// <param name="apiV3Key">The merchant's APIv3 key: 32 ASCII characters.</param>
    /// <param name="clock">The clock of <c>create_time</c> and the timestamp; the system clock by default.</param>
    public WeChatPayNoticeWriter(RSA platformPrivateKey, string platformSerial, string apiV3Key, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(apiV3Key);
        if (apiV3Key.Length != WeChatPayOptionsValidator.ApiV3KeyLength || !apiV3Key.All(char.IsAscii))
        {
            throw new ArgumentException("The APIv3 key must be 32 ASCII characters.", nameof(apiV3Key));
        }

        _clock = clock ?? TimeProvider.System;
        _signer = new WeChatPayPlatformSigner(platformPrivateKey, platformSerial, _clock);
        _apiV3Key = Encoding.ASCII.GetBytes(apiV3Key);
    }

    /// <summary>The notification's headers and body for <paramref name="transaction"/>, signed now.</summary>
    public WeChatPaySignedMessage Write(WeChatPayTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var paid = transaction.TradeState == PaymentNotice.Success;
        var resource = new WeChatPayTransactionResource(
            transaction.AppId,
            transaction.MchId,
            transaction.OutTradeNo,
            transaction.TransactionId,
            transaction.TradeType,
            transaction.TradeState,
            paid ? "支付成功" : transaction.TradeState,
            "OTHERS",
            transaction.SuccessTime is { } time ? Rfc3339(time) : null,
            new WeChatPayPayer(transaction.PayerOpenId),
            new WeChatPayPaidAmount(transaction.AmountFen, transaction.AmountFen, "CNY", "CNY"));
        var nonce = WeChatPayResourceCipher.NewNonce();
        var ciphertext = WeChatPayResourceCipher.Encrypt(_apiV3Key, nonce, AssociatedData, JsonSerializer.SerializeToUtf8Bytes(resource, WeChatPayJson.Options));

        var body = new WeChatPayNotificationBody(
            Guid.NewGuid().ToString(),
            Rfc3339(_clock.GetUtcNow()),
            "encrypt-resource",
            "TRANSACTION.SUCCESS",
            "支付成功",
            new WeChatPayEncryptedResource("transaction", WeChatPayResourceCipher.Algorithm, ciphertext, AssociatedData, nonce));
        return _signer.Sign(JsonSerializer.SerializeToUtf8Bytes(body, WeChatPayJson.Options));
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
