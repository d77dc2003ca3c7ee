using System.Globalization;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;

namespace CharityDay.Server.Endpoints;

/// <summary>The ledger page's search parameters, read and checked; every bad one is named in <see cref="InputErrors"/>.</summary>
public static class LedgerFilterQuery
{
    /// <summary>As long as a donor name can be (the ledger's column).</summary>
    public const int MaxNameLength = 200;

    public static LedgerFilter Parse(
        string? name, string? desk, string? channel, long? minFen, long? maxFen, string? from, string? to, InputErrors errors)
    {
        PledgeChannel? parsedChannel = channel?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "stage" => PledgeChannel.Stage,
            "online" => PledgeChannel.Online,
            _ => Unknown(errors),
        };
        if (name?.Trim().Length > MaxNameLength)
        {
            errors.Add("name", $"名字最多 {MaxNameLength} 个字 (a name is at most {MaxNameLength} characters)");
        }

        if (desk?.Trim().Length > 64)
        {
            errors.Add("desk", "录入台编号最多 64 个字符 (a desk id is at most 64 characters)");
        }

        if (minFen < 0 || maxFen < 0)
        {
            errors.Add("minFen", "金额不能为负 (amounts cannot be negative)");
        }
        else if (minFen > maxFen)
        {
            errors.Add("minFen", "最低金额大于最高金额 (minFen is above maxFen)");
        }

        var fromTime = Time(from, "from", errors);
        var toTime = Time(to, "to", errors);
        if (fromTime > toTime)
        {
            errors.Add("from", "开始时间晚于结束时间 (from is after to)");
        }

        return new LedgerFilter(
            string.IsNullOrWhiteSpace(name) ? null : name.Trim(), string.IsNullOrWhiteSpace(desk) ? null : desk.Trim(),
            parsedChannel, minFen, maxFen, fromTime, toTime);
    }

    private static PledgeChannel? Unknown(InputErrors errors)
    {
        errors.Add("channel", "渠道只能是 stage 或 online (channel must be stage or online)");
        return null;
    }

    private static DateTimeOffset? Time(string? text, string field, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors.Add(field, "时间格式有误，请用 ISO 8601 (the time must be ISO 8601, e.g. 2026-12-02T20:00:00+08:00)");
        return null;
    }
}
