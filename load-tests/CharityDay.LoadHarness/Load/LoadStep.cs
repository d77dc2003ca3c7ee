using System.Globalization;

namespace CharityDay.LoadHarness.Load;

/// <summary>One step of a load simulation: a kind, its level (rate per second or copies) and how long it lasts.</summary>
internal sealed record LoadStep(LoadStepKind Kind, double Level, TimeSpan Duration)
{
    public bool IsOpen => Kind is LoadStepKind.Inject or LoadStepKind.RampInject;

    public bool IsClosed => Kind is LoadStepKind.Constant or LoadStepKind.RampConstant;

    /// <summary><c>inject:RATE:DURATION</c>, <c>ramp-inject:RATE:DURATION</c>, <c>constant:COPIES:DURATION</c>, <c>ramp-constant:COPIES:DURATION</c>, <c>pause:DURATION</c>.</summary>
    public static LoadStep Parse(string text)
    {
        var parts = text.Trim().Split(':');
        var kind = parts[0].ToLowerInvariant() switch
        {
            "inject" => LoadStepKind.Inject,
            "ramp-inject" => LoadStepKind.RampInject,
            "constant" => LoadStepKind.Constant,
            "ramp-constant" => LoadStepKind.RampConstant,
            "pause" => LoadStepKind.Pause,
            _ => throw new FormatException($"Unknown load step '{parts[0]}' in '{text}'."),
        };
        if (kind == LoadStepKind.Pause)
        {
            return parts.Length == 2 ? new LoadStep(kind, 0, Durations.Parse(parts[1])) : throw new FormatException($"Write pause:DURATION, not '{text}'.");
        }

        if (parts.Length != 3 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var level) || level < 0)
        {
            throw new FormatException($"Write {parts[0]}:LEVEL:DURATION with LEVEL ≥ 0, not '{text}'.");
        }

        return new LoadStep(kind, level, Durations.Parse(parts[2]));
    }

    public override string ToString()
    {
        var name = Kind switch
        {
            LoadStepKind.Inject => "inject",
            LoadStepKind.RampInject => "ramp-inject",
            LoadStepKind.Constant => "constant",
            LoadStepKind.RampConstant => "ramp-constant",
            _ => "pause",
        };
        return Kind == LoadStepKind.Pause
            ? $"pause:{Durations.Format(Duration)}"
            : string.Create(CultureInfo.InvariantCulture, $"{name}:{Level:0.##}:{Durations.Format(Duration)}");
    }
}
