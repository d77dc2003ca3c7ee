using System.Globalization;

namespace CharityDay.LoadHarness.Run;

/// <summary>Where the repository's server build and report folders are, found from the working folder or the harness's own.</summary>
internal static class RepositoryPaths
{
    public static string? Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CharityDay.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    public static string ServerDll() =>
        Path.Combine(Root() ?? ".", "src", "CharityDay.Server", "bin", "Release", "net10.0", "CharityDay.Server.dll");

    /// <summary>A new folder named after the UTC start, e.g. <c>load-tests/reports/2026-11-29T05-40-00Z</c>.</summary>
    public static string NewReportFolder(string? root, DateTimeOffset startedAt)
    {
        root ??= Path.Combine(Root() ?? ".", "load-tests", "reports");
        var folder = Path.Combine(root, startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture));
        return Directory.CreateDirectory(folder).FullName;
    }
}
