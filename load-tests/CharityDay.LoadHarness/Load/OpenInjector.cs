namespace CharityDay.LoadHarness.Load;

/// <summary>
/// The open model: requests start on a schedule computed from the simulation's rate, never waiting
/// for earlier ones to finish. Each request gets its scheduled start, and its latency is measured
/// from there, so a stalled server (or a stalled harness) shows as latency instead of fewer requests.
/// </summary>
internal sealed class OpenInjector(LoadSimulation simulation, RunClock clock, int maxInFlight)
{
    private const double Slice = 0.001;
    private int _inFlight;
    private int _reportedError;

    /// <summary>Requests that were due but not started because <c>maxInFlight</c> were already running.</summary>
    public long Dropped { get; private set; }

    public async Task RunAsync(Func<long, Task> send, CancellationToken cancellationToken)
    {
        double t = 0, expected = 0;
        long started = 0;
        while (t < simulation.TotalSeconds && !cancellationToken.IsCancellationRequested)
        {
            var until = Math.Min(clock.Seconds, simulation.TotalSeconds);
            while (t < until)
            {
                var dt = Math.Min(Slice, until - t);
                var rate = simulation.RateAt(t + (dt / 2));
                var next = expected + (rate * dt);
                // Every whole request crossed inside this slice starts at the instant it crossed.
                while (rate > 0 && started + 1 <= next)
                {
                    var at = t + ((started + 1 - expected) / rate);
                    started++;
                    Start(send, clock.TimestampAt(at));
                }

                expected = next;
                t += dt;
            }

            await Task.Delay(1, CancellationToken.None);
        }

        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private void Start(Func<long, Task> send, long scheduled)
    {
        if (Interlocked.Increment(ref _inFlight) > maxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Dropped++;
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await send(scheduled);
            }
            catch (Exception error)
            {
                // A harness bug must not end the run silently, nor flood the console.
                if (Interlocked.Exchange(ref _reportedError, 1) == 0)
                {
                    Console.Error.WriteLine($"  harness error in a request: {error}");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
    }
}
