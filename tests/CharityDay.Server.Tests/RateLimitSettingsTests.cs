using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Tests;

/// <summary>
/// A limit set out of range stops the start with one message naming the setting, not a surprise on
/// stage. Checked through the start-up validator the host runs before anything starts.
/// </summary>
public sealed class RateLimitSettingsTests
{
    [Theory]
    [InlineData("CharityDay:RateLimits:DonationOrderBurst", "0")]
    [InlineData("CharityDay:RateLimits:DonationOrdersPerSecond", "-5")]
    [InlineData("CharityDay:RateLimits:SignInFailuresPerDesk", "0")]
    [InlineData("CharityDay:RateLimits:SignInBackoffMax", "00:00:01")]
    [InlineData("CharityDay:RateLimits:HubConnectionBurst", "10000000")]
    [InlineData("CharityDay:RateLimits:WatchedEventsPerConnection", "0")]
    [InlineData("CharityDay:RateLimits:ExemptNetworks:0", "the-load-box")]
    public void A_limit_out_of_range_stops_the_start_naming_the_setting(string setting, string value)
    {
        using var services = Configured((setting, value));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var name = string.Join(':', setting.Split(':').Take(3)); // an array's entry is named by the array
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_a_loopback_exemption_are_valid()
    {
        using var services = Configured(("CharityDay:RateLimits:ExemptNetworks:0", "127.0.0.0/8"), ("CharityDay:RateLimits:ExemptNetworks:1", "::1"));

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(600, services.GetRequiredService<IOptions<RateLimitOptions>>().Value.DonationOrderBurst);
    }

    private static ServiceProvider Configured(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddCharityDayRateLimits();
        return builder.Services.BuildServiceProvider();
    }
}
