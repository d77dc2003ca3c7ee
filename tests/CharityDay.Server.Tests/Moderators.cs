using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests;

/// <summary>A staff role (the moderator unless told: also the screen controller) as the admin sets one up: a code issued for the event, a sign-in with it.</summary>
internal static class Moderators
{
    /// <summary>Issues (or rotates) the event's moderator code as the admin; the clear code.</summary>
    public static async Task<string> IssueCodeAsync(CharityDayApp app, string eventId, string role = "moderator")
    {
        using var admin = app.Admin();
        var answer = await admin.PostAsync($"/api/events/{eventId}/staff/{role}/code", null);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
    }

    /// <summary>Signs in as the event's moderator with <paramref name="code"/>; the token.</summary>
    public static async Task<string> TokenAsync(CharityDayApp app, string eventId, string code, string role = "moderator")
    {
        using var client = app.Anonymous();
        var signIn = await client.PostAsJsonAsync("/api/auth/staff", new { eventId, role, code });
        Assert.True(signIn.IsSuccessStatusCode, $"{signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        return (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A client signed in as the event's moderator (a code issued first).</summary>
    public static async Task<HttpClient> SignInAsync(CharityDayApp app, string eventId, string role = "moderator")
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, eventId, await IssueCodeAsync(app, eventId, role), role));
        return client;
    }
}
