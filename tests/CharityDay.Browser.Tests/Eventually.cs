using System.Diagnostics;

namespace CharityDay.Browser.Tests;

/// <summary>
/// Reads of what settles after an acknowledgement: the live total follows the desks' reports, which an
/// ack does not wait for. Such a read is polled until it holds or a deadline passes, never read once.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads until <paramref name="settled"/> holds and returns that read; fails with the last read after <paramref name="within"/>.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> settled, string what, TimeSpan? within = null)
    {
        var limit = within ?? DefaultWithin;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (settled(value))
            {
                return value;
            }

            if (clock.Elapsed >= limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {what}; the last read was: {value}");
            }

            await Task.Delay(Interval);
        }
    }
}
