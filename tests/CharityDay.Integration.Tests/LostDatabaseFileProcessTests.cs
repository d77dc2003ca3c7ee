using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Integration.Tests;

/// <summary>
/// The build as it runs on the night, on embedded storage, with its database file deleted by a careless
/// operator: the next donation is refused (503, not 201 into a file no path leads to), readiness names
/// the check, and the log says once what happened and what to do.
/// </summary>
public sealed class LostDatabaseFileProcessTests
{
    [Fact]
    public async Task A_deleted_database_file_refuses_the_next_donation_fails_readiness_and_is_logged_once()
    {
        var folder = Directory.CreateTempSubdirectory("charityday-lost-").FullName;
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions { DataDirectory = folder, DeleteDataDirectoryOnDispose = true });
        using var admin = server.Client(server.AdminKey);
        (await admin.PostAsJsonAsync("/api/events", new { id = "lost", title = "删库", goalFen = 1L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/events/lost/open", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, await DonateAsync(server, admin));

        File.Delete(Path.Combine(folder, "charityday.db"));
        var donations = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            donations.Add(await DonateAsync(server, admin));
        }

        Assert.All(donations, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        using var ready = await admin.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var check = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("database-file").GetString();
        Assert.Contains("is gone", check, StringComparison.Ordinal);

        Assert.Equal(0, await server.StopAsync());
        // The console logger writes "fail: <category>" and the message on the next line.
        var lines = server.Output.Split('\n');
        var errors = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal)).Select(l => lines[l.i + 1]).ToList();
        var error = Assert.Single(errors);
        Assert.Contains("is gone (deleted or moved away)", error, StringComparison.Ordinal);
        Assert.Contains("refuses writes (503)", error, StringComparison.Ordinal);
        Assert.Contains("restart", error, StringComparison.Ordinal);
    }

    /// <summary>An online donation ordered and paid at the demo cashier: Created once paid into the ledger, else the refusing answer.</summary>
    private static async Task<HttpStatusCode> DonateAsync(ServerProcess server, HttpClient client)
    {
        using var ordered = await client.PostAsJsonAsync("/api/events/lost/donations", new { donationId = Guid.NewGuid().ToString("N"), amountFen = 100_00L, anonymous = true });
        if (ordered.StatusCode != HttpStatusCode.Accepted)
        {
            return ordered.StatusCode;
        }

        var order = await ordered.Content.ReadFromJsonAsync<JsonElement>();
        using var cashier = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var paid = await cashier.PostAsync(order.GetProperty("payment").GetProperty("url").GetString(), new FormUrlEncodedContent([]));
        return paid.StatusCode == HttpStatusCode.Redirect ? HttpStatusCode.Created : paid.StatusCode;
    }
}
