using System.Security.Cryptography;
using System.Text.Json.Nodes;
using M = CharityDay.Testing.WeChatPayStandInMessages;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// What a generated provider notice is built from at send time (its timestamp must be fresh, so the
/// notice itself cannot be generated ahead): the stand-in's keys and the order it is about.
/// </summary>
internal sealed record NoticeKit(WeChatPayStandInKeys Keys, WeChatPayStandInOrder Order)
{
    /// <summary>A key WeChat Pay does not sign with: made once, RSA key generation is slow.</summary>
    public static readonly RSA Forger = RSA.Create(2048);

    /// <summary>The order's paid transaction as WeChat Pay would send it, with <paramref name="change"/> applied to its JSON.</summary>
    public string Transaction(Action<JsonObject>? change = null)
    {
        var transaction = JsonNode.Parse(M.TransactionJson(Keys.MchId, Keys.AppId, Order.OutTradeNo, Order.TransactionId, "SUCCESS", Order.TotalFen,
            DateTimeOffset.UtcNow, tradeType: Order.TradeType))!.AsObject();
        change?.Invoke(transaction);
        return transaction.ToJsonString();
    }

    /// <summary>The envelope around the encrypted <paramref name="transaction"/>, with <paramref name="change"/> applied after encryption.</summary>
    public string Envelope(string transaction, Action<JsonObject>? change = null)
    {
        var envelope = JsonNode.Parse(M.EncryptedNotificationJson(Keys.ApiV3Key, transaction))!.AsObject();
        change?.Invoke(envelope);
        return envelope.ToJsonString();
    }

    public WeChatPayStandInNotice Signed(string body, TimeSpan? skew = null, RSA? key = null) =>
        M.SignedNotice(key ?? Keys.PlatformKey, Keys.PlatformSerial, DateTimeOffset.UtcNow + (skew ?? TimeSpan.Zero), body);

    public WeChatPayStandInNotice Genuine() => Signed(Envelope(Transaction()));

    /// <summary>Sets (or, for a null <paramref name="json"/>, removes) the property at a dotted <paramref name="path"/> such as <c>amount.total</c>.</summary>
    public static Action<JsonObject> Set(string path, string? json) => root =>
    {
        var names = path.Split('.');
        var parent = root;
        foreach (var name in names[..^1])
        {
            if (parent[name] is not JsonObject child)
            {
                return;
            }

            parent = child;
        }

        if (json is null)
        {
            parent.Remove(names[^1]);
        }
        else
        {
            parent[names[^1]] = JsonNode.Parse(json);
        }
    };
}

/// <summary>A generated notice: how to build it, what it must get, and a label that says what was done to it.</summary>
internal sealed record NoticeCase(string Label, Expect Expect, int Order, Func<NoticeKit, WeChatPayStandInNotice> Build)
{
    public override string ToString() => $"notice to order #{Order}: {Label} (expect {Expect})";
}
