namespace CharityDay.Contracts;

/// <summary>What the big screen shows now, chosen live by the screen controller (JSON: the camelCase name).</summary>
public enum SceneKind
{
    /// <summary>总额: the running total with the feed.</summary>
    Total = 0,

    /// <summary>档位轮: a tier round ("1000万档") with the stage pledges recorded since it began.</summary>
    TierRound = 1,

    /// <summary>慈善风云榜: the top donors by amount, by kind.</summary>
    HonourRoll = 2,

    /// <summary>鸣谢: a scrolling roll of every donor shown so far.</summary>
    Thanks = 3,

    /// <summary>留言: the donors' approved messages.</summary>
    Messages = 4,
}
