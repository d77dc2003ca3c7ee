using System.Globalization;
using System.Text;

namespace CharityDay.Grains.Ledger;

/// <summary>
/// A donor name reduced to what two operators typing the same placard would agree on: width and case
/// folded (NFKC, so "ＡＢＣ" is "abc"), spaces and punctuation dropped ("张 三" is "张三",
/// "华夏(集团)" is "华夏集团").
/// </summary>
public static class DonorNameKey
{
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var folded = name.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.Control or UnicodeCategory.Format || IsPunctuation(category))
            {
                continue;
            }

            key.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return key.ToString();
    }

    private static bool IsPunctuation(UnicodeCategory category) => category is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
}
