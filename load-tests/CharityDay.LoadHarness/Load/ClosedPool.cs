namespace CharityDay.LoadHarness.Load;

/// <summary>
/// The closed model: a pool of copies, each running its step back to back (with think time between),
/// as many at a time as the simulation says. A copy beyond the current count idles until needed.
/// </summary>
internal sealed class ClosedPool(LoadSimulation simulation, RunClock clock, Func<Random, TimeSpan> thinkTime)
{
    public Task RunAsync(Func<int, long, Random, Task> step, int seed, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, simulation.MaxCopies).Select(copy => Task.Run(
            () => CopyAsync(copy, step, new Random(seed + copy), cancellationToken), CancellationToken.None)));

    private async Task CopyAsync(int copy, Func<int, long, Random, Task> step, Random random, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.Seconds;
            if (now >= simulation.TotalSeconds)
            {
                return;
            }

            if (copy >= simulation.CopiesAt(now))
            {
                await Task.Delay(20, CancellationToken.None);
                continue;
            }

            await step(copy, RunClock.Now, random);
            var think = thinkTime(random);
            if (think > TimeSpan.Zero)
            {
                await Task.Delay(think, CancellationToken.None);
            }
        }
    }
}
