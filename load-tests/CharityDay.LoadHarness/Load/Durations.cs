using System.Globalization;

namespace CharityDay.LoadHarness.Load;

/// <summary>Durations on the command line: <c>500ms</c>, <c>30s</c>, <c>2m</c>, or plain seconds.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text)
    {
        text = text.Trim().ToLowerInvariant();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new FormatException($"'{text}' is not a duration (500ms, 30s, 2m).");
    }

    public static string Format(TimeSpan duration) => duration.TotalSeconds >= 1 && duration.Milliseconds == 0
        ? duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s"
        : duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
}
