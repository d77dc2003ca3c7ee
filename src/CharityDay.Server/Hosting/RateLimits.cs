using System.Threading.RateLimiting;
using CharityDay.Server.Auth;
using CharityDay.Server.Hubs;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Hosting;

/// <summary>
/// The abuse limits in front of the public routes (sizes and reasons in <see cref="RateLimitOptions"/>):
/// donation orders per client address and per event, desk sign-ins per address (their failures are
/// counted by <see cref="SignInGuard"/>), new hub connections per address, events per hub connection.
/// Every refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>For <c>POST /api/events/{eventId}/donations</c>: <c>.RequireRateLimiting(RateLimits.DonationOrders)</c>.</summary>
    public const string DonationOrders = "donation-orders";

    /// <summary>For <c>POST /api/auth/desk</c>: the request rate per address; wrong codes are slowed by <see cref="SignInGuard"/>.</summary>
    public const string DeskSignIn = "desk-sign-in";

    /// <summary>The key of the <see cref="TimeProvider"/> the sign-in backoff and the token revocation cache read, so tests can move it.</summary>
    public const string ClockKey = "CharityDay.RateLimits.Clock";

    public static void AddCharityDayRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.SignInBackoffMax >= options.SignInBackoffStart,
                $"{RateLimitOptions.Section}:SignInBackoffMax must not be shorter than {RateLimitOptions.Section}:SignInBackoffStart.")
            .Validate(options => options.ExemptNetworks.All(network => ClientAddress.TryParseNetwork(network, out _)),
                $"{RateLimitOptions.Section}:ExemptNetworks: each entry must be an IP address or a network such as 127.0.0.0/8.")
            .ValidateOnStart();

        builder.Services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        builder.Services.AddSingleton<RateLimitExemptions>();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddSingleton<HubConnectionLimit>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<WatchedEventsFilter>());

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.WriteAsync;
            limiter.AddPolicy<string, DonationOrderPolicy>(DonationOrders);
            limiter.AddPolicy(DeskSignIn, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return context.RequestServices.GetRequiredService<RateLimitExemptions>().IsExempt(context)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientAddress.PartitionKey(context),
                        _ => Bucket(options.SignInBurst, options.SignInsPerSecond));
            });
        });

        // The global limiter sees every request; it limits only the start of a hub connection.
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<HubConnectionLimit>((limiter, hub) => limiter.GlobalLimiter = hub.Limiter);
    }

    /// <summary>A bucket that starts full with <paramref name="burst"/> and refills every second; no queue: a refusal is at once.</summary>
    internal static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
