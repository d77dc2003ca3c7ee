namespace CharityDay.Browser.Tests;

/// <summary>The poll every eventually-consistent read goes through: it must wait, and it must give up.</summary>
public sealed class EventuallyTests
{
    [Fact]
    public async Task Reads_again_until_the_value_has_settled()
    {
        var reads = 0;
        var value = await Eventually.ReadAsync(() => Task.FromResult(++reads), n => n >= 3, "the third read");

        Assert.Equal(3, value);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task Fails_after_the_deadline_and_shows_the_last_read()
    {
        var reads = 0;
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            Eventually.ReadAsync(() => Task.FromResult($"read {++reads}"), _ => false, "a value that never comes", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("a value that never comes", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"read {reads}", failure.Message, StringComparison.Ordinal);
        Assert.True(reads > 1, $"read {reads} time(s) before giving up");
    }
}
