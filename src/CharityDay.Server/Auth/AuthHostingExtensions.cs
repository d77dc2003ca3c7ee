using CharityDay.Server.Hosting;
using CharityDay.Server.Storage;
using Microsoft.AspNetCore.Authentication;

namespace CharityDay.Server.Auth;

/// <summary>Options, the bearer scheme, role policies, desk and staff token revocation and the abuse limits (<see cref="RateLimits"/>).</summary>
public static class AuthHostingExtensions
{
    /// <summary>The sign-in route's request-rate policy (its failures are counted by <see cref="SignInGuard"/>).</summary>
    public const string SignInRateLimit = RateLimits.DeskSignIn;

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
        builder.Services.AddSingleton<StaffTokens>();
        builder.Services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Roles.StaffPolicy, policy => policy.RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Roles.ModerationPolicy, policy => policy.RequireRole(Roles.Admin, Roles.Moderator))
            .AddPolicy(Roles.ShowPolicy, policy => policy.RequireRole(Roles.Admin, Roles.Controller));

        builder.Services.AddSingleton<DeskTokenGenerations>();
        builder.Services.AddSingleton<StaffTokenGenerations>();
        builder.AddCharityDayRateLimits();
    }
}
