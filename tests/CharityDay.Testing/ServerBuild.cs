using System.Diagnostics;

namespace CharityDay.Testing;

/// <summary>
/// Where the server build of this checkout is: the repository root, the build configuration of the
/// program using this library (which is also the server build's), the build output, and a publish of it.
/// </summary>
public static class ServerBuild
{
    public const string AssemblyName = "CharityDay.Server.dll";

    /// <summary>Release or Debug: the folder above the target framework folder this program runs from.</summary>
    public static string Configuration => OutputFolder().Parent!.Name;

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CharityDay.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Repository root (CharityDay.slnx) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server build of <paramref name="configuration"/> (default: this program's).</summary>
    public static string OutputAssembly(string? configuration = null)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "CharityDay.Server", "bin", configuration ?? Configuration, OutputFolder().Name, AssemblyName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the server first ({path} is missing).", path);
    }

    /// <summary>
    /// Publishes the server build of this configuration into <paramref name="folder"/> without building
    /// again (npm does not run); returns the published assembly.
    /// </summary>
    public static async Task<string> PublishAsync(string folder, CancellationToken cancellationToken = default)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "CharityDay.Server", "CharityDay.Server.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", Configuration, "--no-build", "-o", folder, "-nologo", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        return publish.ExitCode == 0
            ? Path.Combine(folder, AssemblyName)
            : throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static DirectoryInfo OutputFolder() => new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
}
