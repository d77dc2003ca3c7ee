using System.Threading.RateLimiting;
using CharityDay.Server.Hosting;
using CharityDay.Server.Storage;
using Microsoft.AspNetCore.Authentication;

namespace CharityDay.Server.Auth;

/// <summary>Options, the bearer scheme, role policies and the sign-in rate limit.</summary>
public static class AuthHostingExtensions
{
    public const string SignInRateLimit = "desk-sign-in";

    public static void AddCharityDayAuth(this IHostApplicationBuilder builder, StorageSettings storage)
    {
        builder.Services.AddOptions<CharityDayOptions>()
            .BindConfiguration(CharityDayOptions.Section)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.AdminKey) && storage.IsEmbedded)
                {
                    options.AdminKey = AdminKeyFile.LoadOrCreate(storage.DataDirectory);
                }
            })
            .ValidateDataAnnotations()
            .Validate(options => options.AdminKey is { Length: >= 16 },
                "CharityDay:AdminKey must be set to at least 16 characters (it is generated only in embedded mode).")
            .ValidateOnStart();

        builder.Services.AddSingleton<DeskTokens>();
        builder.Services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Roles.StaffPolicy, policy => policy.RequireRole(Roles.Admin, Roles.Operator));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new ValueTask(Results.Problem(
                "Too many sign-in attempts from this address; wait a minute and try again.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "尝试次数过多，请一分钟后再试 (too many attempts)").ExecuteAsync(context.HttpContext));
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
