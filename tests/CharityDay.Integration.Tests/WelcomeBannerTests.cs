namespace CharityDay.Integration.Tests;

/// <summary>
/// The embedded first-run banner tells a newcomer where things are, but a console log ends up in
/// journals, terminals and screenshots: it never prints the admin key, only where a generated one is kept.
/// </summary>
public sealed class WelcomeBannerTests
{
    private const string Banner = "Charity Day Live is running on embedded storage";

    [Fact]
    public async Task A_configured_admin_key_is_not_in_the_output_and_the_banner_says_nothing_about_it()
    {
        var output = await BannerRunAsync(ServerProcess.TestAdminKey);

        Assert.DoesNotContain(ServerProcess.TestAdminKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin key", output, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-key.txt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_admin_key_is_not_in_the_output_and_the_banner_names_its_file()
    {
        var folder = Directory.CreateTempSubdirectory("charityday-banner-").FullName;
        var output = await BannerRunAsync(adminKey: "", folder);

        var keyFile = Path.Combine(folder, "admin-key.txt");
        var key = File.ReadAllText(keyFile).Trim();
        Assert.True(key.Length >= 16, $"the generated key is '{key}'");
        Assert.DoesNotContain(key, output, StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Admin key", StringComparison.Ordinal));
        Assert.Contains(keyFile, line, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Starts the demo on a fresh folder, stops it gracefully (which flushes the console) and returns everything it printed.</summary>
    private static async Task<string> BannerRunAsync(string adminKey, string? folder = null)
    {
        var dataDirectory = folder ?? Directory.CreateTempSubdirectory("charityday-banner-").FullName;
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            DataDirectory = dataDirectory,
            DeleteDataDirectoryOnDispose = folder is null,
            AdminKey = adminKey,
            SeedDemoEvent = true,
        });

        Assert.Equal(0, await server.StopAsync());
        Assert.Contains(Banner, server.Output, StringComparison.Ordinal);
        return server.Output;
    }
}
