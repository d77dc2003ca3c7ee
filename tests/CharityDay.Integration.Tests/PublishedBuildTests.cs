using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CharityDay.Integration.Tests;

/// <summary>
/// What runs on the night is the <c>dotnet publish</c> output, started by a service manager from
/// whatever folder it likes: it must serve every page and read its own settings (quiet logs) there.
/// </summary>
public sealed partial class PublishedBuildTests(ITestOutputHelper output)
{
    private static readonly string[] Pages = ["/", "/screen/demo", "/e/demo", "/operator", "/moderate", "/control/demo", "/admin"];

    [Fact]
    public async Task The_published_build_started_from_another_folder_serves_every_page_and_logs_no_requests()
    {
        var work = Directory.CreateTempSubdirectory("charityday-publish-").FullName;
        var published = Path.Combine(work, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(work, "service")).FullName;
        var clock = Stopwatch.StartNew();
        var assembly = await ServerBuild.PublishAsync(published);
        output.WriteLine($"dotnet publish took {clock.Elapsed.TotalSeconds:F1} s");

        await using var server = ServerProcess.Launch(new ServerProcessOptions { Assembly = assembly, WorkingDirectory = elsewhere });
        await server.WaitUntilReadyAsync();
        using var client = server.Client();
        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode} {html}");
            var script = ModuleScript().Match(html);
            Assert.True(script.Success, $"{page} names no module script:\n{html}");
            using var asset = await client.GetAsync(script.Groups["src"].Value);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{page}'s script {script.Groups["src"].Value}: {(int)asset.StatusCode}");
            Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        }

        // A graceful stop flushes the console logger, so every line it was given is in the output now.
        Assert.Equal(0, await server.StopAsync());
        var requestLines = server.Output.Split('\n').Where(line => line.Contains($"{server.BaseAddress.Authority}/", StringComparison.Ordinal)).ToList();
        Assert.True(requestLines.Count == 0,
            $"{requestLines.Count} lines name a request at the default log level, e.g. {requestLines.FirstOrDefault()}\n{server.Output}");

        // The data folder stays where the server is started, as documented; the program folder stays clean.
        Assert.True(File.Exists(Path.Combine(elsewhere, "data", "charityday.db")), "no data/charityday.db in the working folder");
        Assert.False(Directory.Exists(Path.Combine(published, "data")), "a data folder appeared in the publish folder");
        Directory.Delete(work, recursive: true);
    }

    [GeneratedRegex("""<script[^>]*\ssrc="(?<src>/app/[^"]+\.js)"[^>]*>""")]
    private static partial Regex ModuleScript();
}
