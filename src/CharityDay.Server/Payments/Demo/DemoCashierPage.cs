using System.Globalization;
using System.Text.Encodings.Web;
using CharityDay.Grains.Orders;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// The 演示收银台's pages, drawn on the server: the order with a 「模拟支付」 button, and the answer when
/// an order cannot be paid. Every page says 演示收银台 so no one mistakes it for a real cashier.
/// </summary>
internal static class DemoCashierPage
{
    private const string Style =
        "body{margin:0;font-family:'Noto Sans CJK SC','PingFang SC',sans-serif;background:#f3f4f6;color:#1f2937}" +
        ".bar{background:#b45309;color:#fff;text-align:center;padding:.6rem;font-weight:700;letter-spacing:.1em}" +
        "main{max-width:26rem;margin:1.5rem auto;background:#fff;border-radius:1rem;padding:1.5rem;box-shadow:0 2px 8px #0002}" +
        "h1{font-size:1.1rem;margin:0 0 1rem}.amount{font-size:2.2rem;font-weight:700;margin:.5rem 0}" +
        "dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem;margin:1rem 0}dt{color:#6b7280}dd{margin:0;word-break:break-all}" +
        "button{width:100%;font-size:1.1rem;padding:.9rem;border:0;border-radius:.6rem;background:#16a34a;color:#fff;font-weight:700}" +
        ".note{color:#6b7280;font-size:.85rem;margin-top:1rem}a{color:#2563eb}";

    public static string Order(DonationOrder order, string eventTitle, string payPath, string backUrl)
    {
        var amount = (order.AmountFen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var donor = order.Anonymous ? "匿名 (anonymous)" : order.DonorName;
        var expires = order.ExpiresAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return Page("演示收银台 · 待支付", $"""
            <h1>{E(eventTitle)} · 爱心捐款</h1>
            <p class="amount" data-testid="cashier-amount">¥{amount}</p>
            <dl>
              <dt>订单号</dt><dd data-testid="cashier-order">{E(order.OutTradeNo)}</dd>
              <dt>捐赠人</dt><dd>{E(donor)}</dd>
              <dt>有效期至</dt><dd>{expires}（北京时间）</dd>
            </dl>
            <form method="post" action="{E(payPath)}">
              <input type="hidden" name="back" value="{E(backUrl)}">
              <button type="submit" data-testid="cashier-pay">模拟支付 (simulate payment)</button>
            </form>
            <p class="note">这是演示收银台：不会扣款。它像微信支付一样向服务器发送签名并加密的支付通知，只有这条通知会把捐款计入善款。
            This demo cashier charges nothing; it sends the server a signed, encrypted notice exactly as WeChat Pay would.</p>
            <p><a href="{E(backUrl)}">返回 (back)</a></p>
            """);
    }

    public static string Refused(string title, string detail, string backUrl) =>
        Page("演示收银台 · " + title, $"""
            <h1 data-testid="cashier-refused">{E(title)}</h1>
            <p>{E(detail)}</p>
            <p><a href="{E(backUrl)}">返回 (back)</a></p>
            """);

    private static string Page(string title, string content) => $"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>{E(title)}</title><style>{Style}</style></head>
        <body><div class="bar" data-testid="demo-cashier">演示收银台 · DEMO CASHIER · 不会扣款</div><main>{content}</main></body></html>
        """;

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
