using System.Globalization;
using System.Text;
using CsCheck;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// JSON value texts, valid and broken, by the kind of field they are sent for: names in Chinese and with
/// emoji, the invisible and control code points a name must not hide (inside and outside the BMP, and
/// halves of surrogate pairs written as escapes), amounts that are zero, negative, fractional, huge or
/// past a cap, and every wrong JSON type.
/// </summary>
internal static class JsonValues
{
    /// <summary>Control, format and separator code points: each must be refused inside a name, whatever plane it is on.</summary>
    public static readonly string[] Invisible =
    [
        "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u00ad", "\u061c", "\u180e", "\u200b", "\u200d", "\u200e", "\u202e",
        "\u2066", "\u2028", "\u2029", "\ufeff", "\U000E0001", "\U000E0041", "\U000E007F", "\U0001D173", "\U0001D17A", "\U000110BD",
    ];

    /// <summary>Halves of surrogate pairs, alone or in the wrong order: not text at all.</summary>
    public static readonly string[] LoneSurrogates = ["\ud800", "\udbff", "\udc00", "\udfff", "\udc00\ud800"];

    public static readonly string[] GoodNames = ["张三", "爱心企业有限公司", "😀 爱心人士", "𠀀𠀁 有限公司", "ACME Ltd.", "  前后有空格  ", "O'Brien & \"Co\"", "a\\b/c"];

    /// <summary>A JSON string literal of <paramref name="value"/>; every surrogate (and, unless <paramref name="raw"/>, every non-ASCII char) as a <c>\uXXXX</c> escape.</summary>
    public static string Quote(string value, bool raw = false)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < 0x20 || c == 0x7f || char.IsSurrogate(c) || (!raw && c > 0x7e) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static Gen<string> Quoted(Gen<string> values) => Gen.Select(values, Gen.Bool, (value, raw) => Quote(value, raw));

    private static Gen<string> Cjk(int min, int max) => Gen.Char['\u4e00', '\u9fa5'].Array[min, max].Select(chars => new string(chars));

    /// <summary>A name, title or note that must be taken: Chinese, emoji, outside the BMP, padded, quotes and backslashes.</summary>
    public static Gen<string> GoodText(int maxLength) => Quoted(Gen.OneOf(Gen.OneOf(GoodNames), Cjk(1, Math.Min(maxLength, 40)), Cjk(maxLength, maxLength)));

    /// <summary>Text that must be refused: an invisible or control code point or half a surrogate pair between two letters, or one char too many.</summary>
    public static Gen<(string Label, string Json)> BadText(int maxLength) => Gen.OneOf(
        Gen.Select(Gen.OneOf(Invisible), Gen.Bool, (c, raw) => ($"invisible U+{char.ConvertToUtf32(c, 0):X4}", Quote("甲" + c + "乙", raw))),
        Gen.OneOf(LoneSurrogates).Select(s => ("lone surrogate as escape", Quote("爱心" + s + "企业"))),
        Gen.Int[maxLength + 1, maxLength * 3].Select(n => ($"{n} chars (max {maxLength})", Quote(new string('爱', n), raw: true))),
        Gen.Int[maxLength / 2 + 1, maxLength * 2].Select(n => ($"{n} emoji = {2 * n} UTF-16 units (max {maxLength})", Quote(string.Concat(Enumerable.Repeat("😀", n))))));

    /// <summary>Empty or blank: refused where the text is required.</summary>
    public static readonly Gen<string> Blank = Gen.OneOf("\"\"", "\"   \"", "\"\\t\\n\"", "\"\\u3000\"");

    /// <summary>Event and desk ids (<c>^[a-z0-9][a-z0-9-]{0,39}$</c>) that must be refused.</summary>
    public static readonly Gen<string> BadSlug = Gen.OneOf(
        Gen.OneOf("\"\"", "\"Desk-A\"", "\"desk a\"", "\"desk_a\"", "\"-desk\"", "\"däsk\"", "\"录入台\"", "\"desk/a\"", "\"..\"", "\"desk\\u0000\"", "\"desk\\u200b\""),
        Gen.Int[41, 200].Select(n => Quote(new string('d', n))));

    /// <summary>Client-made ids (<c>^[A-Za-z0-9_-]{8,64}$</c>) that must be refused.</summary>
    public static readonly Gen<string> BadClientId = Gen.OneOf(
        Gen.OneOf("\"\"", "\"short1\"", "\"1234567\"", "\"pledge id 0001\"", "\"p-0000001.\"", "\"认捐编号00000001\"", "\"p-00000001\\u200b\"", "\"p-0000\\ud8000001\""),
        Gen.Int[65, 300].Select(n => Quote(new string('p', n))));

    /// <summary>A whole amount of fen that must be taken.</summary>
    public static Gen<string> GoodAmount(long maxFen) =>
        Gen.OneOf(Gen.Long[1, Math.Min(maxFen, 10_000_00)], Gen.Const(1L), Gen.Const(maxFen)).Select(fen => fen.ToString(CultureInfo.InvariantCulture));

    /// <summary>Amounts that must be refused: zero, negative, past the cap, beyond a long, fractional, in exponent form.</summary>
    public static Gen<(string Label, string Json)> BadAmount(long maxFen) => Gen.OneOf(
        Gen.OneOf("0", "-0", "-1", "-100000", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "1.5", "100.0", "0.01", "1e3", "1E2", "1e400", "-1e-400", "123456789012345678901234567890").Select(text => ("amount " + text, text)),
        Gen.Long[maxFen + 1, maxFen == long.MaxValue / 4 ? long.MaxValue : maxFen * 10].Select(fen => ($"amount past the cap {maxFen}", fen.ToString(CultureInfo.InvariantCulture))));

    public static readonly Gen<string> NotAString = Gen.OneOf("1", "0", "-1.5", "true", "false", "[]", "{}", "[\"甲\"]", "{\"value\":\"甲\"}");

    public static readonly Gen<string> NotANumber = Gen.OneOf("\"100\"", "\"\"", "true", "null", "[]", "{}", "[100]", "{\"fen\":100}", "\"1e3\"", "\"５００\"");

    public static readonly Gen<string> NotABool = Gen.OneOf("\"true\"", "\"false\"", "1", "0", "null", "[]", "{}", "\"yes\"");

    public static readonly Gen<string> NotAnArray = Gen.OneOf("100", "\"100\"", "{}", "true", "[\"100\"]", "[1.5]", "[null]", "[[1]]", "[true]", "[1e2]", "{\"0\":100}");

    /// <summary>Donor kinds that are not one of the camelCase names: other casing, numbers, flags, unknown words.</summary>
    public static readonly Gen<string> BadDonorKind = Gen.OneOf(
        "\"Enterprise\"", "\"ENTERPRISE\"", "\"enterprise \"", "\"0\"", "0", "1", "7", "\"enterprise, individual\"", "\"\"", "\"company\"",
        "\"企业\"", "null", "true", "[]", "{}", "\"enterpris\\u0065\\u200b\"");

    public static readonly Gen<string> GoodDonorKind = Gen.OneOf("\"enterprise\"", "\"organization\"", "\"individual\"", "\"\\u0065nterprise\"");
}
