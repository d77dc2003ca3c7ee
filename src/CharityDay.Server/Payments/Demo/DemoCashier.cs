using System.Security.Cryptography;
using CharityDay.Grains.Orders;
using CharityDay.Server.Payments.WeChatPay;
using Microsoft.Extensions.Primitives;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// 「模拟支付」: writes the notice WeChat Pay would send for the order — signed with the demo platform
/// key, the transaction encrypted with the demo APIv3 key — and hands it, headers and raw body, to the
/// same <see cref="PaymentNotices"/> the callback route uses. The adapter verifies and decrypts it as it
/// would a real one; only then does the donation reach the ledger.
/// </summary>
public sealed class DemoCashier(DemoCashierKeys keys, PaymentNotices notices, TimeProvider clock)
{
    private readonly WeChatPayNoticeWriter _writer = new(keys.Platform, DemoCashierKeys.PlatformSerial, keys.ApiV3Key, clock);

    public Task<NoticeOutcome> PayAsync(DonationOrder order, CancellationToken cancellationToken)
    {
        // A transaction id like WeChat Pay's: 28 digits, the first 4 saying it is the demo's.
        var transactionId = "4200" + string.Concat(RandomNumberGenerator.GetBytes(12).Select(b => (b % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            + clock.GetUtcNow().ToString("HHmmssff", System.Globalization.CultureInfo.InvariantCulture);
        var notice = _writer.Write(new WeChatPayTransaction(
            DemoCashierKeys.MchId, DemoCashierKeys.AppId, order.OutTradeNo, transactionId, PaymentNotice.Success,
            order.AmountFen, clock.GetUtcNow(), "demo-payer-" + order.DonationId[..Math.Min(8, order.DonationId.Length)]));
        var headers = new HeaderDictionary(notice.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value), StringComparer.OrdinalIgnoreCase));
        return notices.TakeAsync(headers, notice.Body, cancellationToken);
    }
}
