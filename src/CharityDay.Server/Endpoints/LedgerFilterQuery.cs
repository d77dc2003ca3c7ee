using System.Globalization;
using System.Text.RegularExpressions;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The ledger page's search parameters, read and checked; every bad one is named in <see cref="InputErrors"/>.
/// A value the framework cannot bind at all (minFen=abc) never gets here: <see cref="JsonInputProblems"/> names it.
/// </summary>
public static partial class LedgerFilterQuery
{
    /// <summary>Longer than any donor name the ledger takes (<see cref="InputRules.NameMaxLength"/>), so a pasted name still fits.</summary>
    public const int NameMaxLength = 100;

    public static LedgerFilter Parse(
        string? name, string? desk, string? channel, long? minFen, long? maxFen, string? from, string? to, InputErrors errors)
    {
        var donorName = InputRules.Text(errors, "name", name, NameMaxLength, required: false);
        var deskId = string.IsNullOrWhiteSpace(desk) ? null : desk.Trim();
        if (deskId is not null && !InputRules.IsSlug(deskId))
        {
            errors.Add("desk", "录入台编号无效 (invalid desk id)");
        }

        PledgeChannel? parsedChannel = channel?.Trim() switch
        {
            null or "" => null,
            "stage" => PledgeChannel.Stage,
            "online" => PledgeChannel.Online,
            _ => Unknown(errors),
        };
        Amount(minFen, "minFen", errors);
        Amount(maxFen, "maxFen", errors);
        if (minFen >= 0 && maxFen >= 0 && minFen > maxFen)
        {
            errors.Add("minFen", "最低金额大于最高金额 (minFen is above maxFen)");
        }

        var fromTime = Time(from, "from", errors);
        var toTime = Time(to, "to", errors);
        if (fromTime > toTime)
        {
            errors.Add("from", "开始时间晚于结束时间 (from is after to)");
        }

        return new LedgerFilter(donorName, deskId, parsedChannel, minFen, maxFen, fromTime, toTime);
    }

    private static PledgeChannel? Unknown(InputErrors errors)
    {
        errors.Add("channel", "渠道只能是 stage 或 online (channel must be stage or online)");
        return null;
    }

    private static void Amount(long? fen, string field, InputErrors errors)
    {
        if (fen < 0)
        {
            errors.Add(field, "金额不能为负 (amounts cannot be negative)");
        }
    }

    private static DateTimeOffset? Time(string? text, string field, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // ISO 8601 with its offset only: a bare "20:00" or "12/02/2026" would say a moment in no one zone.
        if (IsoTime().IsMatch(text.Trim())
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return time;
        }

        errors.Add(field, "时间须为带时区的 ISO 8601，如 2026-12-02T20:00:00+08:00 (the time must be ISO 8601 with an offset, e.g. 2026-12-02T20:00:00+08:00)");
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTime();
}
