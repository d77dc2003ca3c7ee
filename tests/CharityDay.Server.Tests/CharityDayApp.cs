using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CharityDay.Server.Tests;

/// <summary>One server (Kestrel pipeline in memory + co-hosted silo) on its own SQLite file and ports.</summary>
public sealed class CharityDayApp : WebApplicationFactory<Program>
{
    private (string Key, string Value)[] _settings = [];

    /// <summary>A server whose <paramref name="settings"/> (key, value) override the defaults.</summary>
    public static CharityDayApp With(params (string Key, string Value)[] settings) => new() { _settings = settings };

    public const string AdminKey = "test-admin-key-0123456789";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "charityday-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The server's <c>CharityDay:DataDirectory</c>: its SQLite file (and a generated admin key) live here.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The embedded database file.</summary>
    public string DatabaseFile => Path.Combine(_dataDirectory, "charityday.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CharityDay:DataDirectory", _dataDirectory);
        builder.UseSetting("CharityDay:AdminKey", AdminKey);
        builder.UseSetting("CharityDay:SeedDemoEvent", "false");
        builder.UseSetting("CharityDay:OnlineShards", "4");
        var ports = FreePort.Many(2);
        builder.UseSetting("Orleans:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>Creates a live event with the given desks; returns each desk's access code.</summary>
    public async Task<Dictionary<string, string>> CreateLiveEventAsync(string eventId, params string[] deskIds)
    {
        using var admin = Admin();
        var created = await admin.PostAsJsonAsync("/api/events", new
        {
            id = eventId,
            title = "测试慈善晚会",
            goalFen = 100_000_000L,
            tiersFen = new[] { 1_000_000L, 500_000L },
            milestonesFen = new[] { 1_000_000L, 5_000_000L },
        });
        created.EnsureSuccessStatusCode();
        var codes = new Dictionary<string, string>();
        foreach (var deskId in deskIds)
        {
            var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId, name = deskId + " 录入台" });
            desk.EnsureSuccessStatusCode();
            codes[deskId] = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        }

        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        return codes;
    }

    public async Task<HttpClient> OperatorAsync(string eventId, string deskId, string accessCode)
    {
        var client = CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/desk", new { eventId, deskId, accessCode });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A lingering SQLite handle on a temp folder is not worth failing a test over.
        }
    }
}
