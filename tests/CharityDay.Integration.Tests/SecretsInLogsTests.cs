namespace CharityDay.Integration.Tests;

/// <summary>
/// Secrets never reach a log, not even with every category turned up to Trace as a night crew chasing
/// a problem would: the admin key (right or wrong), a desk token sent the way SignalR clients send one
/// on a WebSocket (<c>?access_token=</c> in the URL), and a key typed into a query string by mistake.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string Token = "djF8ZGVtb3xkZXNrLTF8c2VjcmV0LXRva2Vu.not-a-real-signature-0123";

    [Fact]
    public async Task Keys_and_tokens_are_not_in_the_output_at_trace_level()
    {
        var folder = Directory.CreateTempSubdirectory("charityday-secrets-").FullName;
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            DataDirectory = folder,
            DeleteDataDirectoryOnDispose = true,
            SeedDemoEvent = true,
            Environment = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Trace",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
                ["Logging__LogLevel__Orleans"] = "Debug",
            },
        });

        using (var admin = server.Client(server.AdminKey))
        {
            (await admin.GetAsync("/api/events/demo/desks")).EnsureSuccessStatusCode();
        }

        using (var stranger = server.Client("wrong-" + server.AdminKey))
        {
            await stranger.GetAsync("/api/events/demo/desks");
            await stranger.GetAsync($"/hubs/live?id=x&access_token={Token}");
            await stranger.GetAsync($"/api/events?access_token={Token}&key={server.AdminKey}");
        }

        Assert.Equal(0, await server.StopAsync());
        Assert.Contains("Request", server.Output, StringComparison.Ordinal); // the run did log at Trace
        Assert.DoesNotContain(server.AdminKey, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, server.Output, StringComparison.Ordinal);
    }
}
