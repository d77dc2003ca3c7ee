using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>
/// A payment notification's body as documented (支付通知 / 回调通知): the envelope WeChat Pay posts, with
/// the transaction encrypted in <c>resource</c>. Field names are the documented ones, matched exactly.
/// </summary>
internal sealed record WeChatPayNotificationBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("create_time")] string? CreateTime,
    [property: JsonPropertyName("resource_type")] string? ResourceType,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("resource")] WeChatPayEncryptedResource? Resource);

/// <summary>The encrypted part of a notification: AEAD_AES_256_GCM with the APIv3 key.</summary>
internal sealed record WeChatPayEncryptedResource(
    [property: JsonPropertyName("original_type")] string? OriginalType,
    [property: JsonPropertyName("algorithm")] string? Algorithm,
    [property: JsonPropertyName("ciphertext")] string? Ciphertext,
    [property: JsonPropertyName("associated_data")] string? AssociatedData,
    [property: JsonPropertyName("nonce")] string? Nonce);

/// <summary>The decrypted transaction (the fields this adapter reads or writes; the documentation lists more).</summary>
internal sealed record WeChatPayTransactionResource(
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("mchid")] string? MchId,
    [property: JsonPropertyName("out_trade_no")] string? OutTradeNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("trade_type")] string? TradeType,
    [property: JsonPropertyName("trade_state")] string? TradeState,
    [property: JsonPropertyName("trade_state_desc")] string? TradeStateDesc,
    [property: JsonPropertyName("bank_type")] string? BankType,
    [property: JsonPropertyName("success_time")] string? SuccessTime,
    [property: JsonPropertyName("payer")] WeChatPayPayer? Payer,
    [property: JsonPropertyName("amount")] WeChatPayPaidAmount? Amount);

/// <summary>Who paid: the payer's openid under our AppID.</summary>
internal sealed record WeChatPayPayer([property: JsonPropertyName("openid")] string? OpenId);

/// <summary>The order's amount and what the payer paid, in fen.</summary>
internal sealed record WeChatPayPaidAmount(
    [property: JsonPropertyName("total")] long? Total,
    [property: JsonPropertyName("payer_total")] long? PayerTotal,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("payer_currency")] string? PayerCurrency);

/// <summary>How the adapter writes the wire JSON: documented names, no nulls, Chinese as UTF-8 like WeChat Pay's own bodies.</summary>
internal static class WeChatPayJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
