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
