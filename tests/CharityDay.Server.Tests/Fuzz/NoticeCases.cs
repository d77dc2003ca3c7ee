using System.Text;
using CsCheck;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// Generated provider notices: the genuine one, and every layer of it broken in turn — the headers
/// (missing, junk, skewed clock, another key), the signed bytes (a flipped byte, cut short), the
/// envelope and the decrypted transaction (each property removed or of another JSON type, then properly
/// encrypted and signed, so the reader's every branch is reached), and plain junk.
/// </summary>
internal static class NoticeCases
{
    private static readonly string[] Headers = ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"];

    private static readonly string[] Junk =
        ["", "x", "0", "-1", "99999999999999999999", "WECHATPAY/SIGNTEST/aW52YWxpZA==", "!!!!", new string('A', 5000), Convert.ToBase64String(new byte[256])];

    /// <summary>Values of every JSON type for a property, and the oddities of each: huge, fractional, empty, long.</summary>
    private static readonly string?[] Values =
        [null, "null", "1", "-1", "0", "1.5", "1e400", "9223372036854775808", "true", "[]", "{}", "\"\"", "\"x\"", "\"" + new string('x', 10_000) + "\""];

    private static readonly string[] TransactionPaths =
    [
        "mchid", "appid", "out_trade_no", "transaction_id", "trade_type", "trade_state", "trade_state_desc", "bank_type", "attach",
        "success_time", "payer", "payer.openid", "amount", "amount.total", "amount.payer_total", "amount.currency", "amount.payer_currency",
    ];

    private static readonly string[] EnvelopePaths = ["id", "create_time", "resource_type", "event_type", "summary", "resource"];

    /// <summary>What decryption depends on: broken, the notice cannot be read.</summary>
    private static readonly string[] CipherPaths = ["resource.algorithm", "resource.ciphertext", "resource.associated_data", "resource.nonce"];

    public static Gen<NoticeCase> All => Gen.SelectMany(Gen.Int[0, 1], order => Gen.Frequency(
        (1, Gen.Const(new NoticeCase("genuine", Expect.Accept, order, kit => kit.Genuine()))),
        (2, BrokenHeaders(order)),
        (2, BrokenBytes(order)),
        (3, BrokenContent(order)),
        (1, Rubbish(order))));

    private static Gen<NoticeCase> BrokenHeaders(int order) => Gen.OneOf(
        Gen.OneOf(Headers).Select(h => new NoticeCase($"without {h}", Expect.Refuse, order, kit => kit.Genuine().WithoutHeader(h))),
        Gen.Select(Gen.OneOf(Headers), Gen.OneOf(Junk), (h, value) =>
            new NoticeCase($"{h}: {(value.Length > 40 ? value[..40] + "…" : value)}", Expect.Refuse, order, kit => kit.Genuine().WithHeader(h, value))),
        Gen.OneOf(Headers).Select(h => new NoticeCase($"{h} in lower case", Expect.Either, order, kit =>
        {
            var notice = kit.Genuine();
            return notice.WithoutHeader(h).WithHeader(h.ToLowerInvariant(), notice.Headers[h]);
        })),
        Gen.OneOf(-3600, -301, 301, 3600, 86_400 * 365).Select(s => new NoticeCase($"signed {s} s off the clock", Expect.Refuse, order, kit => kit.Signed(kit.Envelope(kit.Transaction()), TimeSpan.FromSeconds(s)))),
        Gen.Const(new NoticeCase("signed with another key", Expect.Refuse, order, kit => kit.Signed(kit.Envelope(kit.Transaction()), key: NoticeKit.Forger))));

    private static Gen<NoticeCase> BrokenBytes(int order) => Gen.OneOf(
        Gen.Select(Gen.Int[0, 100_000], Gen.Byte[1, 255], (at, mask) => new NoticeCase($"byte {at} (mod length) xor 0x{mask:x2} after signing", Expect.Refuse, order, kit =>
        {
            var notice = kit.Genuine();
            var body = notice.Body.ToArray();
            body[at % body.Length] ^= mask;
            return notice with { Body = body };
        })),
        Gen.Int[0, 100_000].Select(cut => new NoticeCase($"cut at {cut} (mod length) after signing", Expect.Refuse, order, kit =>
        {
            var notice = kit.Genuine();
            return notice with { Body = notice.Body[..(cut % notice.Body.Length)] };
        })),
        Gen.OneOf("\n", " ", "\ufeff").Select(extra => new NoticeCase($"U+{(int)extra[0]:X4} added after signing", Expect.Refuse, order, kit =>
        {
            var notice = kit.Genuine();
            return notice with { Body = [.. notice.Body, .. Encoding.UTF8.GetBytes(extra)] };
        })));

    private static Gen<NoticeCase> BrokenContent(int order) => Gen.OneOf(
        Gen.Select(Gen.OneOf(TransactionPaths), Gen.OneOf(Values), (path, json) =>
            new NoticeCase($"transaction {path} = {Shown(json)}", Expect.Either, order, kit => kit.Signed(kit.Envelope(kit.Transaction(NoticeKit.Set(path, json)))))),
        Gen.OneOf(
            ("an unknown order", "out_trade_no", "\"CD000000000000000000000000000000\"", Expect.Refuse),
            ("another merchant", "mchid", "\"1900000000\"", Expect.Refuse),
            ("another app", "appid", "\"wx0000000000000000\"", Expect.Refuse),
            ("one fen more", "amount.total", null, Expect.Refuse),
            ("closed unpaid", "trade_state", "\"CLOSED\"", Expect.Either),
            ("paid a day later", "success_time", "\"2099-01-01T00:00:00+08:00\"", Expect.Either))
            .Select(c => new NoticeCase($"transaction: {c.Item1}", c.Item4, order, kit =>
                kit.Signed(kit.Envelope(kit.Transaction(NoticeKit.Set(c.Item2, c.Item3 ?? (kit.Order.TotalFen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))))))),
        Gen.Select(Gen.OneOf(EnvelopePaths), Gen.OneOf(Values), (path, json) =>
            new NoticeCase($"envelope {path} = {Shown(json)}", path == "resource" ? Expect.Refuse : Expect.Either, order, kit => kit.Signed(kit.Envelope(kit.Transaction(), NoticeKit.Set(path, json))))),
        Gen.Select(Gen.OneOf(CipherPaths), Gen.OneOf(Values), (path, json) =>
            new NoticeCase($"envelope {path} = {Shown(json)}", Expect.Refuse, order, kit => kit.Signed(kit.Envelope(kit.Transaction(), NoticeKit.Set(path, json))))),
        Gen.OneOf(Values).Select(json =>
            new NoticeCase($"encrypted transaction replaced by {Shown(json)}", Expect.Refuse, order, kit => kit.Signed(kit.Envelope(json ?? "")))));

    private static Gen<NoticeCase> Rubbish(int order) => Gen.OneOf(
        Gen.Byte.Array[0, 2000].Select(bytes => new NoticeCase($"{bytes.Length} random bytes, no headers", Expect.Refuse, order,
            _ => new WeChatPayStandInNotice(new Dictionary<string, string>(), bytes))),
        Gen.OneOf("", "{}", "[]", "null", "{\"resource\":null}", "{\"resource\":{}}", "x", "{\"resource\":", "\"\\ud800\"").Select(text =>
            new NoticeCase($"signed rubbish {text}", Expect.Refuse, order, kit => kit.Signed(text))),
        Gen.Int[64 * 1024 + 1, 200 * 1024].Select(size => new NoticeCase($"signed {size} bytes (limit 64 KB)", Expect.Refuse, order, kit =>
            kit.Signed(kit.Envelope(kit.Transaction(NoticeKit.Set("attach", "\"" + new string('x', size) + "\"")))))));

    private static string Shown(string? json) => json is null ? "(removed)" : json.Length > 30 ? json[..30] + "…" : json;
}
