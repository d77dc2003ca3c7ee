using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// What changes the night for every desk and phone asks first, inside the page: opening, signing a desk
/// out. And the console in English has no Chinese of its own left, dialogs included.
/// </summary>
public sealed class AdminConfirmationTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task Opening_a_draft_and_signing_a_desk_out_ask_first_and_cancel_changes_nothing()
    {
        await stage.CreateDraftEventAsync("night-ask");
        var admin = await AdminConsole.OpenAsync(stage, "night-ask");
        await admin.Page.GetByTestId("open-event").ClickAsync();
        await Expect(admin.Page.GetByTestId("open-dialog")).ToBeVisibleAsync();
        await admin.Page.GetByTestId("open-cancel").ClickAsync();
        await Expect(admin.Page.GetByTestId("open-dialog")).ToBeHiddenAsync();
        Assert.Equal("draft", await stage.EventStatusAsync("night-ask"));

        await admin.Page.GetByTestId("open-event").ClickAsync();
        await admin.Page.GetByTestId("open-confirm").ClickAsync();
        await Expect(admin.Status).ToHaveAttributeAsync("data-status", "live");
        Assert.Equal("live", await stage.EventStatusAsync("night-ask"));

        var row = admin.Page.Locator("[data-testid=desk-row][data-desk-id='desk-1']");
        await row.GetByTestId("revoke-desk").ClickAsync();
        var revoke = admin.Page.GetByTestId("revoke-dialog");
        await Expect(revoke).ToContainTextAsync("一号录入台");
        await Browser.ScreenshotAsync(admin.Page, "admin-revoke-confirm");
        await admin.Page.GetByTestId("revoke-confirm").ClickAsync();
        await Expect(revoke).ToBeHiddenAsync();
        await Expect(admin.Page.Locator(".desks-table + .inline-form + .message")).ToContainTextAsync("已被登出");
    }

    [Fact]
    public async Task In_English_the_console_shows_no_Chinese_of_its_own()
    {
        const string eventId = "night-english";
        var code = await CreateEnglishEventAsync(eventId);
        await stage.PledgeAtDeskAsync(eventId, code, 1_234_567_00, "Harbour Holdings");
        await stage.DonateAsync(eventId, 88_88);
        var admin = await AdminConsole.OpenAsync(stage, eventId);
        await Expect(admin.OnlineTally.GetByTestId("tally-count")).ToHaveTextAsync("1");

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(admin.Status).ToHaveTextAsync("Live");
        await Expect(admin.OnlineTally).ToContainTextAsync("Online");
        await Expect(admin.Page.GetByTestId("ledger-row").Last).ToContainTextAsync("Anonymous donor"); // the online gift, after the stage pledge
        await Browser.ScreenshotAsync(admin.Page, "admin-english");
        // The event view; the sidebar also lists the other tests' events, whose titles are Chinese data.
        Assert.Equal("", await ChineseInAsync(admin.Page, "main.workspace .content"));
        await Expect(admin.Page.Locator(".sidebar h2")).ToHaveTextAsync("Events");

        await admin.Page.Locator("[data-testid=desk-row][data-desk-id='desk-1']").GetByTestId("rotate-code").ClickAsync();
        await Expect(admin.Page.GetByTestId("rotate-dialog")).ToBeVisibleAsync();
        Assert.Equal("", await ChineseInAsync(admin.Page, "[data-testid=rotate-dialog]"));
        await admin.Page.GetByTestId("rotate-cancel").ClickAsync();

        await admin.Page.GetByTestId("ledger-void").First.ClickAsync();
        Assert.Equal("", await ChineseInAsync(admin.Page, "[data-testid=ledger-void-dialog]"));
    }

    /// <summary>The Chinese characters in what the element shows (its visible text), or "" if none.</summary>
    private static Task<string> ChineseInAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<string>("node => (node.innerText.match(/[\\u3400-\\u9fff]+/gu) ?? []).join(' ')");

    /// <summary>An event whose own words (title, desk name) are English, so any Chinese left is the console's.</summary>
    private async Task<string> CreateEnglishEventAsync(string eventId)
    {
        using var admin = stage.Server.Client(ServerProcess.TestAdminKey);
        (await admin.PostAsJsonAsync("/api/events", new
        {
            id = eventId,
            title = "Charity Night",
            goalFen = 100_000_000_00L,
            tiersFen = new[] { 1_000_000_00L },
            milestonesFen = Array.Empty<long>(),
        })).EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-1", name = "Desk one" });
        var code = (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString()!;
        (await admin.PostAsync($"/api/events/{eventId}/open", null)).EnsureSuccessStatusCode();
        return code;
    }
}
