using CharityDay.LoadHarness.Chaos;
using CharityDay.LoadHarness.Cli;
using CharityDay.LoadHarness.Run;
using CharityDay.LoadHarness.Scenarios;

// The Charity Day load harness: scenarios (stage, online, viewers, night) in open or closed load
// models against a loopback server it starts or is pointed at, with the baselines, a correctness
// check and thresholds deciding the exit code, and a report folder. See load-tests/README.md.
HarnessOptions options;
IReadOnlyList<ScenarioPlan> plans;
try
{
    // Every load simulation is parsed here, so a typo fails before a server starts.
    options = OptionParser.Parse(args);
    plans = ScenarioPlanner.Plan(options);
    ChaosPlan.CheckFits(options.Chaos, plans.Max(p => p.Simulation.TotalSeconds) - options.Warmup.TotalSeconds);
}
catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run with --help for every option.");
    return 2;
}

if (options.Help)
{
    Console.WriteLine(Usage.Text);
    return 0;
}

return await LoadRun.RunAsync(options, plans);
