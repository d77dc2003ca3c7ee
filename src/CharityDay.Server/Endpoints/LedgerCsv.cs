using System.Globalization;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The ledger as a spreadsheet: amounts in full digits (yuan with two decimals, and fen), times in
/// the event's time zone (Beijing time unless the admin set another) with their offset, and text cells that could start a formula are quoted with a leading apostrophe.
/// </summary>
public static class LedgerCsv
{
    public const string Header = "序号,类型,认捐编号,录入台,台内序号,渠道,金额(元),金额(分),捐赠方,捐赠方类型,匿名,代表,备注/作废原因,录入人,时间";

    public static string Row(LedgerEntry entry, TimeZoneInfo zone) => string.Join(',',
        entry.EntryNo.ToString(CultureInfo.InvariantCulture),
        entry.Kind == LedgerEntryKind.Pledge ? "认捐" : "作废",
        Cell(entry.PledgeId),
        Cell(entry.DeskId),
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.Channel == PledgeChannel.Stage ? "现场" : "网络",
        Yuan(entry.AmountFen),
        entry.AmountFen.ToString(CultureInfo.InvariantCulture),
        Cell(entry.DonorName),
        entry.DonorKind switch { DonorKind.Enterprise => "企业", DonorKind.Organization => "机构", _ => "个人" },
        entry.Anonymous ? "是" : "否",
        Cell(entry.Representative),
        Cell(entry.Note),
        Cell(entry.Actor),
        TimeZoneInfo.ConvertTime(entry.RecordedAt, zone).ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture));

    /// <summary>Exact: integer division of fen, never floating point.</summary>
    public static string Yuan(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var magnitude = Math.Abs(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / 100}.{magnitude % 100:D2}");
    }

    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var safe = text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
