using Microsoft.Extensions.Options;

namespace CharityDay.Server.Tests;

/// <summary>A limit set out of range stops the start with one message naming the setting, not a surprise on stage.</summary>
public sealed class RateLimitSettingsTests
{
    [Theory]
    [InlineData("CharityDay:RateLimits:DonationOrderBurst", "0")]
    [InlineData("CharityDay:RateLimits:DonationOrdersPerSecond", "-5")]
    [InlineData("CharityDay:RateLimits:SignInFailuresPerDesk", "0")]
    [InlineData("CharityDay:RateLimits:HubConnectionBurst", "10000000")]
    [InlineData("CharityDay:RateLimits:WatchedEventsPerConnection", "0")]
    public async Task A_limit_out_of_range_stops_the_start_naming_the_setting(string setting, string value)
    {
        await using var app = CharityDayApp.With((setting, value));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
