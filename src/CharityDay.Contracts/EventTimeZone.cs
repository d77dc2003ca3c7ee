namespace CharityDay.Contracts;

/// <summary>
/// The zone every time of an event is said in — the operator's list, the admin's ledger, the CSV — so
/// that they agree whatever zone a laptop is set to. An IANA name; Beijing time unless the admin sets another.
/// </summary>
public static class EventTimeZone
{
    public const string Default = "Asia/Shanghai";

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone(Default, TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");

    /// <summary>True for a zone name this machine knows in its IANA spelling (not a Windows name).</summary>
    public static bool IsKnown(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId;

    /// <summary>The zone named, or fixed UTC+8 for the default on a machine without the time-zone database.</summary>
    public static TimeZoneInfo Find(string? name)
    {
        var wanted = string.IsNullOrEmpty(name) ? Default : name;
        return TimeZoneInfo.TryFindSystemTimeZoneById(wanted, out var zone) ? zone : Beijing;
    }
}
