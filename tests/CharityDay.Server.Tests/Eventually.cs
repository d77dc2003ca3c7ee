namespace CharityDay.Server.Tests;

/// <summary>
/// Reads of something that settles a moment later (the live total after a pledge, a push after a
/// change) poll through here with a deadline, instead of reading once and hoping, or sleeping.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>Reads until the condition holds or the deadline passes; returns the last read, so the caller's assertion shows what was seen.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Waits until the condition holds, and fails the test if it does not by the deadline.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        Assert.True(await ReadAsync(() => Task.FromResult(condition()), held => held), $"not true within {Deadline}");
    }
}
