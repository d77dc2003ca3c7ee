namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Amounts the way a charity night has them: placards mostly at the lower tiers with a few big
/// ones, phones giving tens to a thousand yuan. All in fen.
/// </summary>
internal static class TierMix
{
    private const long Wan = 10_000 * 100;

    /// <summary>The event's tiers (1000万 down to 10万) with how often each is raised.</summary>
    public static readonly (long AmountFen, double Weight)[] StageTiers =
    [
        (1_000 * Wan, 0.01), (500 * Wan, 0.02), (200 * Wan, 0.05), (100 * Wan, 0.12), (50 * Wan, 0.20), (10 * Wan, 0.60),
    ];

    private static readonly long[] OnlineYuan = [10, 20, 50, 66, 88, 100, 200, 500, 1000];

    private static readonly string[] Cities = ["郑州", "洛阳", "开封", "新乡", "许昌", "南阳", "安阳", "焦作"];

    private static readonly string[] Trades = ["建设集团", "实业有限公司", "商贸公司", "科技股份", "置业集团", "食品有限公司", "能源集团", "商会"];

    public static long StageAmount(ref Dice dice)
    {
        var roll = dice.Next();
        foreach (var (amount, weight) in StageTiers)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return amount;
            }
        }

        return StageTiers[^1].AmountFen;
    }

    public static long OnlineAmount(ref Dice dice) => (OnlineYuan[dice.Below(OnlineYuan.Length)] * 100) + dice.Below(100);

    public static string DonorName(ref Dice dice) => Cities[dice.Below(Cities.Length)] + Trades[dice.Below(Trades.Length)];
}
