using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The shape every id and text field must have. Text is trimmed and bounded, and control or
/// invisible formatting characters (which could hide or reorder a name on screen) are refused.
/// </summary>
public static partial class InputRules
{
    public const int NameMaxLength = 64;
    public const int NoteMaxLength = 200;
    public const int TitleMaxLength = 100;

    /// <summary>Event and desk ids: lower-case letters, digits and dashes, as they appear in URLs.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    /// <summary>Client-made pledge and donation ids (a UUID fits).</summary>
    public static bool IsClientId(string? value) => value is not null && ClientIdPattern().IsMatch(value);

    /// <summary>Trims <paramref name="raw"/>; records an error and returns null when it breaks a rule.</summary>
    public static string? Text(InputErrors errors, string field, string? raw, int maxLength, bool required)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(field, "必填 (required)");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"不能超过 {maxLength} 个字符 (at most {maxLength} characters)");
            return null;
        }

        if (HasForbiddenCodePoint(value))
        {
            errors.Add(field, "含有控制字符或不可见的格式字符 (contains control or invisible formatting characters)");
            return null;
        }

        return value;
    }

    public static void Amount(InputErrors errors, string field, long amountFen, long maxFen)
    {
        if (amountFen <= 0)
        {
            errors.Add(field, "金额必须大于零 (must be a positive number of fen)");
        }
        else if (amountFen > maxFen)
        {
            var yuan = (maxFen / 100m).ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);
            errors.Add(field, $"金额超过单笔上限 ¥{yuan} (exceeds the single-gift cap of ¥{yuan})");
        }
    }

    /// <summary>How long the wall shows each new name, when given; null keeps the current setting.</summary>
    public static void NameSeconds(InputErrors errors, string field, int? seconds)
    {
        if (seconds is { } value and (< ScreenSettings.MinNameSeconds or > ScreenSettings.MaxNameSeconds))
        {
            errors.Add(field, $"须在 {ScreenSettings.MinNameSeconds} 到 {ScreenSettings.MaxNameSeconds} 秒之间 (must be {ScreenSettings.MinNameSeconds} to {ScreenSettings.MaxNameSeconds} seconds)");
        }
    }

    /// <summary>
    /// By code point, not UTF-16 unit: a tag character (U+E0000–E007F) or a musical formatting mark
    /// (U+1D173–1D17A) is a surrogate pair whose halves alone look harmless. A lone surrogate is refused too.
    /// </summary>
    private static bool HasForbiddenCodePoint(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || IsForbidden(rune))
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }

    private static bool IsForbidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ClientIdPattern();
}
