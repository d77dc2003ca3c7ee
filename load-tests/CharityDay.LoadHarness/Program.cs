using CharityDay.LoadHarness;

// Intake burst: closed-model senders against a running server, then the audit. The full harness
// (scenarios, open model, viewers, reports, baselines) grows from here.
if (IntakeBurst.Options.TryParse(args, out var options, out var usage))
{
    var result = await IntakeBurst.RunAsync(options);
    Console.WriteLine(result);
    return result.Agrees && result.Failed == 0 ? 0 : 1;
}

Console.Error.WriteLine(usage);
return 2;
