namespace CharityDay.LoadHarness.Load;

/// <summary>
/// A scenario's timeline: steps run one after the other, the warm-up first. At any moment the open
/// engine asks for the injection rate and the closed engine for the number of copies; a ramp starts
/// from where the previous step of the same model left off.
/// </summary>
internal sealed class LoadSimulation
{
    private readonly (LoadStep Step, double Start, double End, double From)[] _timeline;

    public LoadSimulation(IReadOnlyList<LoadStep> steps, TimeSpan warmup)
    {
        if (steps.Count == 0)
        {
            throw new FormatException("A load simulation needs at least one step.");
        }

        Steps = steps;
        Warmup = warmup;
        var all = new List<LoadStep>();
        if (warmup > TimeSpan.Zero && steps.FirstOrDefault(s => s.Kind != LoadStepKind.Pause) is { } first)
        {
            // The warm-up holds the first step's level (half of it for a ramp) and its results are dropped.
            var kind = first.IsOpen ? LoadStepKind.Inject : LoadStepKind.Constant;
            var level = first.Kind is LoadStepKind.RampInject or LoadStepKind.RampConstant ? first.Level / 2 : first.Level;
            all.Add(new LoadStep(kind, level, warmup));
        }

        all.AddRange(steps);
        _timeline = new (LoadStep, double, double, double)[all.Count];
        double at = 0, openLevel = 0, closedLevel = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var step = all[i];
            var from = step.IsOpen ? openLevel : closedLevel;
            _timeline[i] = (step, at, at + step.Duration.TotalSeconds, from);
            at += step.Duration.TotalSeconds;
            if (step.IsOpen)
            {
                openLevel = step.Level;
            }
            else if (step.IsClosed)
            {
                closedLevel = step.Level;
            }
        }

        TotalSeconds = at;
    }

    public IReadOnlyList<LoadStep> Steps { get; }

    public TimeSpan Warmup { get; }

    public double WarmupSeconds => Warmup.TotalSeconds;

    public double TotalSeconds { get; }

    public bool HasOpenSteps => Steps.Any(s => s.IsOpen);

    public bool HasClosedSteps => Steps.Any(s => s.IsClosed);

    public int MaxCopies => (int)Math.Ceiling(_timeline.Where(t => t.Step.IsClosed).Select(t => t.Step.Level).DefaultIfEmpty(0).Max());

    public static LoadSimulation Parse(string text, TimeSpan warmup) =>
        new([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LoadStep.Parse)], warmup);

    /// <summary>Requests per second the open engine starts at <paramref name="seconds"/> after the start.</summary>
    public double RateAt(double seconds) => LevelAt(seconds, open: true);

    /// <summary>Copies the closed engine keeps running at <paramref name="seconds"/> after the start.</summary>
    public double CopiesAt(double seconds) => LevelAt(seconds, open: false);

    public override string ToString() =>
        (Warmup > TimeSpan.Zero ? $"warm-up {Durations.Format(Warmup)}, then " : "") + string.Join(", ", Steps);

    private double LevelAt(double seconds, bool open)
    {
        foreach (var (step, start, end, from) in _timeline)
        {
            if (seconds < start || seconds >= end)
            {
                continue;
            }

            if (open ? !step.IsOpen : !step.IsClosed)
            {
                return 0;
            }

            return step.Kind is LoadStepKind.RampInject or LoadStepKind.RampConstant
                ? from + ((step.Level - from) * (seconds - start) / Math.Max(end - start, 1e-9))
                : step.Level;
        }

        return 0;
    }
}
