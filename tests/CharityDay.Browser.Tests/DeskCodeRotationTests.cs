using System.Net;
using System.Net.Http.Json;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// A desk's code went round the venue: the admin presses 「更换访问码」, reads the new code off the
/// console this once, and the old code no longer signs anyone in. The desk list never shows a code it
/// was not just given (the server keeps only hashes).
/// </summary>
public sealed class DeskCodeRotationTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task The_admin_rotates_a_desk_code_sees_the_new_one_once_and_the_old_one_stops_working()
    {
        var oldCode = await stage.CreateLiveEventAsync("night-rotate");
        var admin = await AdminConsole.OpenAsync(stage, "night-rotate");
        var row = admin.Page.Locator("[data-testid=desk-row][data-desk-id='desk-1']");
        await Expect(row.GetByTestId("desk-code-hidden")).ToBeVisibleAsync();

        await row.GetByTestId("rotate-code").ClickAsync();
        await admin.Page.GetByTestId("rotate-confirm").ClickAsync(); // the console asks first

        var shown = row.GetByTestId("desk-code");
        await Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$"));
        var newCode = (await shown.TextContentAsync())!;
        await Browser.ScreenshotAsync(admin.Page, "admin-code-rotated");
        using var anonymous = stage.Server.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(anonymous, oldCode)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(anonymous, newCode)).StatusCode);

        await admin.Page.ReloadAsync();
        await admin.Page.Locator("[data-testid=event-link][data-event-id='night-rotate']").ClickAsync();
        await Expect(row.GetByTestId("desk-code-hidden")).ToBeVisibleAsync();
        Assert.Equal(0, await admin.Page.GetByText(newCode).CountAsync());
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/auth/desk", new { eventId = "night-rotate", deskId = "desk-1", accessCode = code });
}
