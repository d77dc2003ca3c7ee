using System.Text.Json.Serialization;

namespace CharityDay.Server.Payments.WeChatPay;

/// <summary>The body of H5下单 (<c>/v3/pay/transactions/h5</c>) and Native下单 (<c>/v3/pay/transactions/native</c>).</summary>
internal sealed record WeChatPayOrderRequest(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("time_expire")] string TimeExpire,
    [property: JsonPropertyName("notify_url")] string NotifyUrl,
    [property: JsonPropertyName("amount")] WeChatPayOrderAmount Amount,
    [property: JsonPropertyName("scene_info")] WeChatPaySceneInfo SceneInfo);

/// <summary>The order's total in fen (an int at WeChat Pay) and its currency.</summary>
internal sealed record WeChatPayOrderAmount(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("currency")] string Currency);

/// <summary>The payer's address, and for H5 the kind of page (<c>Wap</c>: a mobile web site).</summary>
internal sealed record WeChatPaySceneInfo(
    [property: JsonPropertyName("payer_client_ip")] string PayerClientIp,
    [property: JsonPropertyName("h5_info")] WeChatPayH5Info? H5Info);

/// <summary>The H5 scene: <c>type</c> is <c>Wap</c> (a mobile web site), the only one a phone page is.</summary>
internal sealed record WeChatPayH5Info([property: JsonPropertyName("type")] string Type);

/// <summary>A successful order answer: <c>h5_url</c> (H5) or <c>code_url</c> (Native).</summary>
internal sealed record WeChatPayOrderAnswer(
    [property: JsonPropertyName("h5_url")] string? H5Url,
    [property: JsonPropertyName("code_url")] string? CodeUrl);

/// <summary>A refused request's body: a code such as <c>PARAM_ERROR</c> and a message to show.</summary>
internal sealed record WeChatPayErrorAnswer(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
