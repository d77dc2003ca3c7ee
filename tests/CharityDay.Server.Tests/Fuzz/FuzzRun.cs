using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// How long a fuzz property runs: <see cref="DefaultIterations"/> generated inputs per route by default
/// (the whole class well under a minute on two cores), <c>CHARITYDAY_FUZZ_ITERATIONS</c> for a longer
/// night, and <c>CHARITYDAY_FUZZ_SEED</c> to replay the seed CsCheck printed for a failure.
/// </summary>
internal static class FuzzRun
{
    public const int DefaultIterations = 300;

    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("CHARITYDAY_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;

    public static string? Seed => Environment.GetEnvironmentVariable("CHARITYDAY_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>Samples <paramref name="requests"/> one at a time (each judged against the state the previous one left); CsCheck shrinks a failure.</summary>
    public static async Task SampleAsync(Gen<FuzzRequest> requests, Func<FuzzRequest, Task> check, ITestOutputHelper output, string route, Func<string> tally)
    {
        var watch = Stopwatch.StartNew();
        await requests.SampleAsync(check, writeLine: output.WriteLine, seed: Seed, iter: Iterations, threads: 1, print: r => r.ToString());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{route}: {Iterations} generated inputs in {watch.Elapsed.TotalSeconds:F1} s; answers {tally()}"));
    }

    public static Gen<FuzzRequest> Requests(string route, HttpMethod method, Gen<FuzzPath> paths, Gen<(Caller Caller, Expect Expect)> callers, Gen<FuzzBody> bodies) =>
        Gen.Select(paths, callers, bodies, (path, caller, body) =>
            new FuzzRequest(route, method, path, body, caller.Caller, FuzzRequest.Both(FuzzRequest.Both(path.Expect, caller.Expect), body.Expect)));
}
