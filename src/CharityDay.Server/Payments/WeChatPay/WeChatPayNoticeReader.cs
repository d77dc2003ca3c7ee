using System.Globalization;
using System.Text.Json;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// Turns a payment notification, exactly as received, into a verified <see cref="PaymentNotice"/> or a
/// refusal: signature first (<see cref="WeChatPayVerifier"/>), then the documented envelope, then the
/// AEAD_AES_256_GCM resource, then the transaction's own fields, which must name our merchant and AppID.
/// Any <c>event_type</c> is read: <c>trade_state</c> decides whether the donation was paid.
/// </summary>
internal sealed class WeChatPayNoticeReader(WeChatPayOptions options, WeChatPayKeys keys, WeChatPayVerifier verifier)
{
    public PaymentNoticeRead Read(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (verifier.Check(name => Single(headers, name), body) is { } refusal)
        {
            return PaymentNoticeRead.Refused(refusal);
        }

        if (Parse<WeChatPayNotificationBody>(body) is not { Id.Length: > 0, EventType.Length: > 0, Resource: { } resource })
        {
            return PaymentNoticeRead.Refused("通知报文不是文档所述的 JSON (body is not the documented notification: id, event_type, resource)");
        }

        if (resource is not { Algorithm: not null, Ciphertext.Length: > 0, Nonce.Length: > 0 })
        {
            return PaymentNoticeRead.Refused("通知的 resource 不完整 (resource lacks algorithm, ciphertext or nonce)");
        }

        if (resource.Algorithm != WeChatPayResourceCipher.Algorithm)
        {
            return PaymentNoticeRead.Refused($"不支持的加密算法 (resource.algorithm is not {WeChatPayResourceCipher.Algorithm})");
        }

        var plaintext = WeChatPayResourceCipher.Decrypt(keys.ApiV3Key, resource.Nonce, resource.AssociatedData ?? "", resource.Ciphertext);
        if (plaintext is null)
        {
            return PaymentNoticeRead.Refused("通知解密失败 (resource does not decrypt with our APIv3 key: tampered, or another merchant's)");
        }

        return ReadTransaction(Parse<WeChatPayTransactionResource>(plaintext));
    }

    private PaymentNoticeRead ReadTransaction(WeChatPayTransactionResource? transaction)
    {
        if (transaction is not
            {
                MchId.Length: > 0, AppId.Length: > 0, OutTradeNo.Length: > 0, TransactionId.Length: > 0, TradeState.Length: > 0,
                Amount.Total: { } total,
            })
        {
            return PaymentNoticeRead.Refused("交易信息缺少字段 (the transaction lacks mchid, appid, out_trade_no, transaction_id, trade_state or amount.total)");
        }

        if (transaction.MchId != options.MchId)
        {
            return PaymentNoticeRead.Refused("商户号不符 (the transaction's mchid is not ours)");
        }

        if (transaction.AppId != options.AppId)
        {
            return PaymentNoticeRead.Refused("AppID 不符 (the transaction's appid is not ours)");
        }

        if (transaction.Amount.Currency is { } currency && currency != "CNY")
        {
            return PaymentNoticeRead.Refused("币种不是人民币 (amount.currency is not CNY)");
        }

        if (total < 0)
        {
            return PaymentNoticeRead.Refused("金额无效 (amount.total is negative)");
        }

        DateTimeOffset? successTime = null;
        if (transaction.SuccessTime is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return PaymentNoticeRead.Refused("支付完成时间无效 (success_time is not an RFC 3339 time)");
            }

            successTime = parsed;
        }

        return PaymentNoticeRead.Verified(new PaymentNotice(transaction.OutTradeNo, transaction.TransactionId, transaction.TradeState, total, successTime));
    }

    private static T? Parse<T>(ReadOnlySpan<byte> json)
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

    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
