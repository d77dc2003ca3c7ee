using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Browser.Tests;

/// <summary>A running server with one browser, and the admin calls a test needs to set the stage.</summary>
public sealed class Stage : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("charityday-browser-").FullName;

    public ServerProcess Server { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public string DataDirectory => _dataDirectory;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(_dataDirectory, postgres: null);
        await Browser.InitializeAsync();
    }

    /// <summary>A page on loopback (a secure context to the browser): for the admin's back office.</summary>
    public Uri Url(string path) => new(Server.BaseAddress, path);

    /// <summary>A page as the venue's desks, screens and phones open it: plain HTTP on the LAN name.</summary>
    public Uri VenueUrl(string path) => new(new Uri($"http://{Browser.VenueHost}:{Server.Port}"), path);

    /// <summary>Creates a live event with one desk; returns the desk's access code.</summary>
    public async Task<string> CreateLiveEventAsync(string eventId, long[]? milestonesFen = null)
    {
        var code = await CreateDraftEventAsync(eventId, milestonesFen);
        await PostAsAdminAsync($"/api/events/{eventId}/open");
        return code;
    }

    /// <summary>Creates a live event with one desk unless an earlier test of the class did.</summary>
    public async Task CreateLiveEventIfMissingAsync(string eventId)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        if ((await admin.GetAsync($"/api/events/{eventId}")).StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await CreateLiveEventAsync(eventId);
        }
    }

    /// <summary>Creates an event not yet open, with one desk; returns the desk's access code.</summary>
    public async Task<string> CreateDraftEventAsync(string eventId, long[]? milestonesFen = null)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        (await admin.PostAsJsonAsync("/api/events", new
        {
            id = eventId,
            title = "浏览器测试晚会",
            goalFen = 100_000_000_00L,
            tiersFen = new[] { 1_000_000_00L, 5_000_000_00L },
            milestonesFen = milestonesFen ?? [],
        })).EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-1", name = "一号录入台" });
        return (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
    }

    /// <summary>An admin action without a body (open, close, reopen); fails unless it succeeds.</summary>
    public async Task PostAsAdminAsync(string path)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        (await admin.PostAsync(path, null)).EnsureSuccessStatusCode();
    }

    /// <summary>Approves every name waiting in the event's moderation queue, as the admin (the moderator's console comes next round).</summary>
    public async Task ApprovePendingNamesAsync(string eventId)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        var queue = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation");
        Assert.NotEmpty(queue.EnumerateArray());
        foreach (var entry in queue.EnumerateArray())
        {
            (await admin.PostAsJsonAsync($"/api/events/{eventId}/moderation/{entry.GetProperty("pledgeId").GetString()}", new { action = "approve" }))
                .EnsureSuccessStatusCode();
        }
    }

    public async Task<string> EventStatusAsync(string eventId)
    {
        // As the admin: the public view does not show a draft.
        using var client = Server.Client(ServerProcess.TestAdminKey);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}")).GetProperty("status").GetString()!;
    }

    /// <summary>A placard typed at the event's desk-1, straight through the API; returns the pledge id.</summary>
    public async Task<string> PledgeAtDeskAsync(string eventId, string accessCode, long amountFen, string donorName, string donorKind = "enterprise")
    {
        using var anonymous = Server.Client();
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/desk", new { eventId, deskId = "desk-1", accessCode });
        var token = (await signIn.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var desk = Server.Client(token);
        var pledgeId = Guid.NewGuid().ToString("N");
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", new { pledgeId, deskId = "desk-1", amountFen, donorName, donorKind, anonymous = false }))
            .EnsureSuccessStatusCode();
        return pledgeId;
    }

    /// <summary>An online gift through the API (anonymous without a name), paid at the embedded demo cashier; returns its donation id.</summary>
    public async Task<string> DonateAsync(string eventId, long amountFen, string? donorName = null, string? message = null)
    {
        using var client = Server.Client();
        var donationId = Guid.NewGuid().ToString("N");
        var order = await (await client.PostAsJsonAsync($"/api/events/{eventId}/donations",
                new { donationId, amountFen, donorName, anonymous = donorName is null, message }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        using var cashier = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        var paid = await cashier.PostAsync(order.GetProperty("payment").GetProperty("url").GetString(), new FormUrlEncodedContent([]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, paid.StatusCode);
        return donationId;
    }

    /// <summary>What the admin sets for the big screen; the round title stays empty.</summary>
    public async Task SetScreenAsync(string eventId, bool showDonorNames)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        (await admin.PutAsJsonAsync($"/api/events/{eventId}/screen", new { roundTitle = "", showDonorNames })).EnsureSuccessStatusCode();
    }

    /// <summary>The admin voids a pledge.</summary>
    public async Task VoidAsync(string eventId, string pledgeId, string reason)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        (await admin.PostAsJsonAsync($"/api/events/{eventId}/pledges/{pledgeId}/void", new { reason })).EnsureSuccessStatusCode();
    }

    /// <summary>The audit once the live total agrees with the ledger: the total follows the desks' reports, which an ack does not wait for.</summary>
    public async Task<JsonElement> SettledAuditAsync(string eventId)
    {
        using var admin = Server.Client(ServerProcess.TestAdminKey);
        return await Eventually.ReadAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/audit"),
            audit => audit.GetProperty("agrees").GetBoolean(),
            $"the audit of {eventId} to agree");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing over.
        }
    }
}
