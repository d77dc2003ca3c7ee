using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The moderation card and the big screen's seconds per name, as the admin sets them: the moderator's
/// code shown once and working at the staff sign-in, a rotation that retires the old one, the link to the
/// moderator's console, the stage-names switch; a seconds value out of range refused before it is sent.
/// </summary>
public sealed class AdminModerationTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task The_moderator_code_is_shown_once_signs_in_and_a_rotation_retires_it()
    {
        const string eventId = "night-admin-moderation";
        await stage.CreateLiveEventAsync(eventId);
        var admin = await AdminConsole.OpenAsync(stage, eventId);
        var card = admin.Page.GetByTestId("moderation-card");
        await Expect(card.GetByTestId("moderator-code-state")).ToHaveTextAsync("尚未发放");
        await Expect(card.GetByTestId("moderator-page")).ToHaveAttributeAsync("href", $"/moderate?event={eventId}");

        await card.GetByTestId("issue-moderator-code").ClickAsync();
        var first = await ShownCodeAsync(card);
        Assert.Equal(HttpStatusCode.OK, await StaffSignInAsync(eventId, first));

        await card.GetByTestId("issue-moderator-code").ClickAsync();
        await admin.Page.GetByTestId("rotate-moderator-confirm").ClickAsync();
        await Expect(card.GetByTestId("moderator-code")).Not.ToHaveTextAsync(first);
        var second = await ShownCodeAsync(card);
        Assert.Equal(HttpStatusCode.OK, await StaffSignInAsync(eventId, second));
        Assert.Equal(HttpStatusCode.Unauthorized, await StaffSignInAsync(eventId, first));

        await card.GetByTestId("moderate-stage-names").CheckAsync();
        await Expect(card.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToHaveTextAsync("已保存审核设置");
        using var client = stage.Server.Client(ServerProcess.TestAdminKey);
        var settings = await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/moderation/settings");
        Assert.True(settings.GetProperty("moderateStageNames").GetBoolean());
        await Browser.ScreenshotAsync(admin.Page, "admin-moderation");

        // Another visit of the console: the code is not shown again, only that one was issued.
        var again = await AdminConsole.OpenAsync(stage, eventId);
        await Expect(again.Page.GetByTestId("moderator-code-state")).ToHaveTextAsync("已发放（只在发放时显示一次）");
        await Expect(again.Page.GetByTestId("moderator-code")).ToBeHiddenAsync();
        await Expect(again.Page.GetByTestId("moderate-stage-names")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Seconds_per_name_reach_the_server_and_a_value_out_of_range_is_refused_in_the_page()
    {
        const string eventId = "night-admin-seconds";
        await stage.CreateLiveEventAsync(eventId);
        var admin = await AdminConsole.OpenAsync(stage, eventId);
        var seconds = admin.Page.GetByTestId("name-seconds");
        await Expect(seconds).ToHaveValueAsync("4");

        await seconds.FillAsync("16");
        await admin.Page.GetByTestId("save-screen").ClickAsync();
        await Expect(admin.Page.Locator("form:has([data-testid=name-seconds]) .message")).ToContainTextAsync("2 到 15");
        Assert.Equal(4, await NameSecondsAsync(eventId));

        await seconds.FillAsync("9");
        await admin.Page.GetByTestId("save-screen").ClickAsync();
        await Expect(admin.Page.Locator("form:has([data-testid=name-seconds]) .message")).ToHaveTextAsync("已推送到大屏幕");
        Assert.Equal(9, await NameSecondsAsync(eventId));
    }

    private static async Task<string> ShownCodeAsync(Microsoft.Playwright.ILocator card)
    {
        await Expect(card.GetByTestId("moderator-code")).ToBeVisibleAsync();
        return (await card.GetByTestId("moderator-code").TextContentAsync())!;
    }

    private async Task<HttpStatusCode> StaffSignInAsync(string eventId, string code)
    {
        using var anonymous = stage.Server.Client();
        return (await anonymous.PostAsJsonAsync("/api/auth/staff", new { eventId, role = "moderator", code })).StatusCode;
    }

    private async Task<int> NameSecondsAsync(string eventId)
    {
        using var client = stage.Server.Client(ServerProcess.TestAdminKey);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}");
        return view.GetProperty("screen").GetProperty("nameSeconds").GetInt32();
    }
}
