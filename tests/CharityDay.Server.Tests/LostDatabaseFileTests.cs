using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CharityDay.Server.Tests;

/// <summary>
/// A careless operator deletes or replaces the embedded database under a running server. Its open
/// connections would go on writing into a file no path leads to, and every acknowledged pledge would
/// be gone at the next start: instead writes answer 503 and the node reports not ready.
/// </summary>
public sealed class LostDatabaseFileTests : IAsyncLifetime
{
    private readonly CharityDayApp _app = new();
    private readonly string _other = Path.Combine(Path.GetTempPath(), $"charityday-other-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_other);
    }

    public static TheoryData<string> Mishaps => ["deleted", "replaced by another database (mv)", "overwritten by another database (cp)"];

    [Theory]
    [MemberData(nameof(Mishaps))]
    public async Task Writes_answer_503_and_readiness_names_the_database_file(string mishap)
    {
        var codes = await _app.CreateLiveEventAsync("lost-file", "desk-a");
        using var desk = await _app.OperatorAsync("lost-file", "desk-a", codes["desk-a"]);
        Assert.Equal(HttpStatusCode.Created, await DonateAsync("lost-file"));

        switch (mishap)
        {
            case "deleted":
                File.Delete(_app.DatabaseFile);
                break;
            case "replaced by another database (mv)":
                CreateOtherDatabase();
                File.Move(_other, _app.DatabaseFile, overwrite: true);
                break;
            default:
                CreateOtherDatabase();
                // coreutils cp writes into the existing file (same inode), unlike mv.
                using (var copy = Process.Start("cp", [_other, _app.DatabaseFile]))
                {
                    await copy.WaitForExitAsync();
                    Assert.Equal(0, copy.ExitCode);
                }

                break;
        }

        var donation = await DonateAsync("lost-file");
        var pledge = await desk.PostAsJsonAsync("/api/events/lost-file/pledges", Pledges.Stage("desk-a", 1_000_00));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, donation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pledge.StatusCode);
        var ready = await Eventually.ReadAsync(() => _app.Anonymous().GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.StartsWith("unhealthy", checks.GetProperty("database-file").GetString(), StringComparison.Ordinal);
        Assert.Contains("charityday.db", checks.GetProperty("database-file").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untouched_file_keeps_the_node_ready_and_writing()
    {
        await _app.CreateLiveEventAsync("kept-file", "desk-a");

        var donation = await DonateAsync("kept-file");
        var ready = await _app.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.Created, donation);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("database-file").GetString());
    }

    /// <summary>An online donation ordered and paid at the demo cashier: Created once its payment is in the ledger, else the refusing answer.</summary>
    private async Task<HttpStatusCode> DonateAsync(string eventId)
    {
        using var phone = _app.Anonymous();
        var ordered = await phone.PostAsJsonAsync($"/api/events/{eventId}/donations", Donations.Body(100_00L));
        if (ordered.StatusCode != HttpStatusCode.Accepted)
        {
            return ordered.StatusCode;
        }

        var paid = await Donations.PayAtDemoCashierAsync(_app, await ordered.Content.ReadFromJsonAsync<JsonElement>());
        return paid.StatusCode == HttpStatusCode.Redirect ? HttpStatusCode.Created : paid.StatusCode;
    }

    /// <summary>Some other SQLite database, as an operator's stray backup would be.</summary>
    private void CreateOtherDatabase()
    {
        using var connection = new SqliteConnection($"Data Source={_other};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('someone else''s database');";
        command.ExecuteNonQuery();
    }
}
