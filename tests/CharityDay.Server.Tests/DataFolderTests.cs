using System.Net.Http.Json;
using System.Runtime.Versioning;

namespace CharityDay.Server.Tests;

/// <summary>
/// The embedded data folder holds the whole ledger and, in demo mode, the admin key: only the account
/// the server runs as may read it, whatever the umask, and a folder left open by an older run is closed.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Open = OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public async Task A_new_data_folder_is_0700_and_the_database_its_journals_and_the_generated_key_are_0600()
    {
        await using var app = CharityDayApp.With(("CharityDay:AdminKey", ""));
        _ = app.Services;

        await WriteSomethingAsync(app, File.ReadAllText(Path.Combine(app.DataDirectory, "admin-key.txt")).Trim());

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(app.DataDirectory));
        Assert.True(File.Exists(app.DatabaseFile + "-wal"), "no -wal file: the database is not in WAL mode, so this test checks less than it claims");
        AssertOwnerOnlyFiles(app.DataDirectory);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "admin-key.txt")));
    }

    [Fact]
    public async Task A_data_folder_left_open_by_an_older_run_is_closed_at_start()
    {
        await using var app = new CharityDayApp();
        Directory.CreateDirectory(app.DataDirectory);
        File.SetUnixFileMode(app.DataDirectory, Open);
        foreach (var file in new[] { app.DatabaseFile, Path.Combine(app.DataDirectory, "admin-key.txt") })
        {
            File.WriteAllText(file, file.EndsWith(".txt", StringComparison.Ordinal) ? "an-older-generated-key-0123456789" : "");
            File.SetUnixFileMode(file, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        await WriteSomethingAsync(app);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(app.DataDirectory));
        AssertOwnerOnlyFiles(app.DataDirectory);
    }

    [Fact]
    public async Task A_shared_folder_keeps_its_mode_but_the_database_in_it_is_0600()
    {
        await using var app = new CharityDayApp();
        Directory.CreateDirectory(app.DataDirectory);
        File.SetUnixFileMode(app.DataDirectory, Open);
        File.WriteAllText(Path.Combine(app.DataDirectory, "notes-of-someone-else.txt"), "not the server's");

        await WriteSomethingAsync(app);

        Assert.Equal(Open, File.GetUnixFileMode(app.DataDirectory));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(app.DatabaseFile));
    }

    /// <summary>An event opened and a donation written, so the database and its -wal exist.</summary>
    private static async Task WriteSomethingAsync(CharityDayApp app, string adminKey = CharityDayApp.AdminKey)
    {
        var id = "modes-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        (await admin.PostAsJsonAsync("/api/events", new { id, title = "权限", goalFen = 1L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/events/{id}/open", null)).EnsureSuccessStatusCode();
        (await app.Anonymous().PostAsJsonAsync($"/api/events/{id}/donations", new { donationId = Pledges.NewId(), amountFen = 100_00L, anonymous = true }))
            .EnsureSuccessStatusCode();
    }

    private static void AssertOwnerOnlyFiles(string folder)
    {
        var files = Directory.GetFiles(folder);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFile, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
        }
    }
}
