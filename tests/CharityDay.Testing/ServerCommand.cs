using System.Diagnostics;
using System.Globalization;

namespace CharityDay.Testing;

/// <summary>The <c>dotnet &lt;server dll&gt;</c> command line and environment for a <see cref="ServerProcessOptions"/> whose ports are filled in.</summary>
internal static class ServerCommand
{
    public static ProcessStartInfo For(ServerProcessOptions options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.WorkingDirectory ?? options.DataDirectory ?? Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add(options.Assembly!);
        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Settings go by environment, not the command line: the admin key stays out of `ps`, and the
        // caller's arguments still override them.
        var environment = start.Environment;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{options.Port!.Value.ToString(CultureInfo.InvariantCulture)}";
        environment["CharityDay__AdminKey"] = options.AdminKey;
        environment["CharityDay__SeedDemoEvent"] = options.SeedDemoEvent ? "true" : "false";
        // The tests and the load harness send a night's traffic from this machine's one address: the
        // per-address abuse limits would stop them, so loopback is exempt (an option may override it).
        environment["CharityDay__RateLimits__ExemptNetworks__0"] = "127.0.0.0/8";
        environment["CharityDay__RateLimits__ExemptNetworks__1"] = "::1";
        environment["Orleans__SiloPort"] = options.SiloPort!.Value.ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = options.GatewayPort!.Value.ToString(CultureInfo.InvariantCulture);
        if (options.DataDirectory is { } dataDirectory)
        {
            environment["CharityDay__DataDirectory"] = dataDirectory;
        }

        if (options.Postgres is { } postgres)
        {
            environment["ConnectionStrings__Postgres"] = postgres;
        }

        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }

        return start;
    }
}
