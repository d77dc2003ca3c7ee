namespace CharityDay.Server.Tests;

/// <summary>Request bodies as a client sends them.</summary>
internal static class Pledges
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    public static object Stage(string deskId, long amountFen, string? pledgeId = null, string donorName = "爱心企业有限公司") => new
    {
        pledgeId = pledgeId ?? NewId(),
        deskId,
        amountFen,
        donorName,
        donorKind = "enterprise",
        anonymous = false,
        representative = "张三",
        note = (string?)null,
    };
}
