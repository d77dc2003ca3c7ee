using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CharityDay.Server.Tests;

/// <summary>
/// A desk's access code is long enough not to be guessed, easy to read off a card, shown to the admin
/// when the desk is created or its code rotated and never again, and kept only as a salted hash.
/// </summary>
public sealed class AccessCodeTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    /// <summary>No 0/O, 1/l/I: an operator reading a code off a card at a dim desk cannot mistake one for the other.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    [Fact]
    public async Task A_new_desk_code_has_at_least_eight_characters_from_an_alphabet_without_look_alikes()
    {
        var codes = await app.CreateLiveEventAsync("code-shape", [.. Enumerable.Range(1, 12).Select(i => $"desk-{i}")]);

        Assert.All(codes.Values, code =>
        {
            Assert.True(code.Length >= 8, $"'{code}' is shorter than 8");
            Assert.All(code, c => Assert.Contains(c, Alphabet));
        });
        Assert.Equal(codes.Count, codes.Values.Distinct().Count());
    }

    [Fact]
    public async Task The_code_is_stored_only_as_a_hash_and_the_desk_list_does_not_show_it_again()
    {
        var codes = await app.CreateLiveEventAsync("code-hashed", "desk-a");
        using var admin = app.Admin();
        var list = await admin.GetStringAsync("/api/events/code-hashed/desks");

        var state = await StoredGrainStateAsync();
        Assert.True(Holds(state, "code-hashed"), "the event's state is not where the test looks");
        Assert.False(Holds(state, codes["desk-a"]), "the access code is stored in clear");
        Assert.Contains("desk-a", list, StringComparison.Ordinal);
        Assert.DoesNotContain(codes["desk-a"], list, StringComparison.Ordinal);
        using var desk = await app.OperatorAsync("code-hashed", "desk-a", codes["desk-a"]);
    }

    [Fact]
    public async Task Rotating_a_code_refuses_the_old_one_and_the_new_one_works()
    {
        var codes = await app.CreateLiveEventAsync("code-rotate", "desk-a");
        using var admin = app.Admin();

        var rotated = await admin.PostAsync("/api/events/code-rotate/desks/desk-a/code", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;

        Assert.NotEqual(codes["desk-a"], fresh);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("code-rotate", "desk-a", codes["desk-a"])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("code-rotate", "desk-a", fresh)).StatusCode);
        Assert.False(Holds(await StoredGrainStateAsync(), fresh), "the rotated code is stored in clear");
    }

    [Fact]
    public async Task Revoking_a_desks_tokens_signs_its_operators_out_and_a_new_sign_in_works()
    {
        var codes = await app.CreateLiveEventAsync("code-revoke", "desk-a", "desk-b");
        using var deskA = await app.OperatorAsync("code-revoke", "desk-a", codes["desk-a"]);
        using var deskB = await app.OperatorAsync("code-revoke", "desk-b", codes["desk-b"]);
        Assert.Equal(HttpStatusCode.OK, (await deskA.GetAsync("/api/events/code-revoke/desks/desk-a/pledges")).StatusCode);
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/events/code-revoke/desks/desk-a/revoke", null)).StatusCode);

        var refused = await deskA.GetAsync("/api/events/code-revoke/desks/desk-a/pledges");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await deskB.GetAsync("/api/events/code-revoke/desks/desk-b/pledges")).StatusCode);
        using var again = await app.OperatorAsync("code-revoke", "desk-a", codes["desk-a"]);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/events/code-revoke/desks/desk-a/pledges")).StatusCode);
    }

    [Fact]
    public async Task Only_the_admin_rotates_or_revokes_and_an_unknown_desk_is_a_404_problem()
    {
        var codes = await app.CreateLiveEventAsync("code-guard", "desk-a");
        using var desk = await app.OperatorAsync("code-guard", "desk-a", codes["desk-a"]);
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("/api/events/code-guard/desks/desk-a/code", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("/api/events/code-guard/desks/desk-a/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/events/code-guard/desks/desk-a/code", null)).StatusCode);
        var unknown = await admin.PostAsync("/api/events/code-guard/desks/desk-zz/code", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/events/no-such/desks/desk-a/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("code-guard", "desk-a", codes["desk-a"])).StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(string eventId, string deskId, string code) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/desk", new { eventId, deskId, accessCode = code });

    private static bool Holds(byte[] stored, string text) => stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>Every grain state row the server wrote, as the bytes on disk.</summary>
    private async Task<byte[]> StoredGrainStateAsync()
    {
        var storage = (Storage.StorageSettings)app.Services.GetService(typeof(Storage.StorageSettings))!;
        await using var connection = new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        using var all = new MemoryStream();
        while (await reader.ReadAsync())
        {
            all.Write((byte[])reader[0]);
        }

        return all.ToArray();
    }
}
