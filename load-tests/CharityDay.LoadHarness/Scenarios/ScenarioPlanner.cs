using System.Globalization;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Turns the options into the scenarios of a run. <c>night</c> is a charity-night profile over its own
/// duration: a quiet start, a surge when the big-donor round opens, the tiers coming down, and a long
/// online tail after the stage has finished; viewers arrive early and stay. Wherever phones watch, the
/// big screens (<c>--screens</c>) watch too.
/// </summary>
internal static class ScenarioPlanner
{
    public static IReadOnlyList<ScenarioPlan> Plan(HarnessOptions options)
    {
        var plans = new List<ScenarioPlan>();
        var seconds = Durations.Format(options.Duration);
        foreach (var scenario in options.Scenarios.Distinct())
        {
            switch (scenario)
            {
                case "stage":
                    plans.Add(new("stage", ScenarioKind.Stage,
                        options.Simulation(options.StageLoad, $"constant:{options.Operators}:{seconds}"), options.ThinkMin, options.ThinkMax));
                    break;
                case "online":
                    plans.Add(new("online", ScenarioKind.Online,
                        options.Simulation(options.OnlineLoad, Format($"inject:{options.OnlineRate}:{seconds}")), TimeSpan.Zero, TimeSpan.Zero));
                    break;
                case "viewers":
                    var ramp = Durations.Format(TimeSpan.FromSeconds(Math.Max(1, Math.Min(10, options.Viewers / 500.0))));
                    var phones = new ScenarioPlan("viewers", ScenarioKind.Viewers,
                        options.Simulation(options.ViewersLoad, $"ramp-constant:{options.Viewers}:{ramp},constant:{options.Viewers}:{seconds}"),
                        TimeSpan.Zero, TimeSpan.Zero);
                    plans.Add(phones);
                    plans.AddRange(ScreensBeside(phones, "screens", options));
                    break;
                case "night":
                    plans.AddRange(Night(options));
                    break;
            }
        }

        if (plans.FirstOrDefault(p => p.IsAudience && p.Simulation.HasOpenSteps) is { } open)
        {
            throw new ArgumentException($"{open.Name} holds connections: use constant, ramp-constant and pause steps, not inject.");
        }

        return plans;
    }

    private static IEnumerable<ScenarioPlan> Night(HarnessOptions options)
    {
        var total = (options.NightDuration ?? options.Duration).TotalSeconds;
        string Part(double fraction) => Durations.Format(TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(total * fraction * 1000))));
        var stage = options.NightStageRate;
        var online = options.NightOnlineRate;

        // Quiet start, the 1000万 round opens (surge), tiers come down, the stage closes.
        var stageSteps = string.Create(CultureInfo.InvariantCulture,
            $"inject:{stage * 0.05}:{Part(0.2)},ramp-inject:{stage}:{Part(0.05)},inject:{stage}:{Part(0.2)}," +
            $"ramp-inject:{stage * 0.3}:{Part(0.1)},inject:{stage * 0.1}:{Part(0.15)},pause:{Part(0.3)}");
        // Phones follow the stage with a lag, then a long tail while the screens replay the night.
        var onlineSteps = string.Create(CultureInfo.InvariantCulture,
            $"inject:{online * 0.1}:{Part(0.2)},ramp-inject:{online}:{Part(0.1)},inject:{online}:{Part(0.25)}," +
            $"ramp-inject:{online * 0.4}:{Part(0.1)},inject:{online * 0.4}:{Part(0.35)}");
        var viewerSteps = $"ramp-constant:{options.NightViewers}:{Part(0.15)},constant:{options.NightViewers}:{Part(0.85)}";
        yield return new("night/stage", ScenarioKind.Stage, options.Simulation(null, stageSteps), TimeSpan.Zero, TimeSpan.Zero);
        yield return new("night/online", ScenarioKind.Online, options.Simulation(null, onlineSteps), TimeSpan.Zero, TimeSpan.Zero);
        var phones = new ScenarioPlan("night/viewers", ScenarioKind.Viewers, options.Simulation(null, viewerSteps), TimeSpan.Zero, TimeSpan.Zero);
        yield return phones;
        foreach (var screens in ScreensBeside(phones, "night/screens", options))
        {
            yield return screens;
        }
    }

    /// <summary>
    /// The stage's big screens, connected for as long as the phones are: they get the full-rate pushes,
    /// so pledge-to-screen and pledge-to-phone latency are measured side by side under the same load.
    /// </summary>
    private static IEnumerable<ScenarioPlan> ScreensBeside(ScenarioPlan phones, string name, HarnessOptions options)
    {
        if (options.Screens == 0)
        {
            yield break;
        }

        var measured = Durations.Format(TimeSpan.FromSeconds(phones.Simulation.TotalSeconds - phones.Simulation.WarmupSeconds));
        yield return new(name, ScenarioKind.Screens, options.Simulation(null, $"constant:{options.Screens}:{measured}"), TimeSpan.Zero, TimeSpan.Zero);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
