using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>The phone page (/e/{eventId}) as an English-speaking donor sees it on the venue Wi-Fi.</summary>
public sealed partial class ViewerTests(Stage stage) : IClassFixture<Stage>
{
    private const string StageDonor = "宏达实业集团";
    private const string OnlineDonor = "网友小李";

    [Fact]
    public async Task In_english_the_phone_page_shows_no_chinese_apart_from_the_names_donors_typed()
    {
        // Amounts below 100万元 and an English title: what is left is the page's own words.
        var code = await CreateLiveEventAsync("night-english", "Charity Night", goalFen: 500_000_00);
        await stage.PledgeAtDeskAsync("night-english", code, 100_000_00, StageDonor);
        var phone = await stage.Browser.OpenAsync(stage.VenueUrl("/e/night-english"), 390, 844);
        await Browser.AssertOnVenueLanAsync(phone);
        await Expect(phone.GetByTestId("feed-name").First).ToHaveTextAsync(StageDonor);

        await phone.Locator(".lang-switch button[lang='en']").ClickAsync();

        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(phone.GetByTestId("donate-submit")).ToHaveTextAsync("Give with love");
        await AssertNoChineseAsync(phone, "the page with the total, the feed and the form");

        // A mistake the donor can make, said in English.
        await phone.GetByTestId("donate-preset").First.ClickAsync();
        await phone.GetByTestId("donate-submit").ClickAsync();
        await Expect(phone.GetByTestId("donate-error")).ToHaveTextAsync("Please enter your name or choose anonymous");
        await AssertNoChineseAsync(phone, "the form with an error");

        await phone.GetByTestId("donate-amount").FillAsync("88.88");
        await phone.GetByTestId("donate-name").FillAsync(OnlineDonor);
        await phone.GetByTestId("donate-message").FillAsync("Good luck to our city");
        await Expect(phone.GetByTestId("donate-message-review")).ToBeVisibleAsync();
        await AssertNoChineseAsync(phone, "the filled-in form");
        await phone.GetByTestId("donate-submit").ClickAsync();
        await phone.GetByTestId("cashier-pay").ClickAsync(); // the demo cashier is the provider's page, not ours

        await Expect(phone.GetByTestId("thank-you")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("receipt")).ToContainTextAsync("Receipt no. CD");
        await Expect(phone.GetByTestId("thank-you-message")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("feed-amount").First).ToHaveTextAsync("¥88.88");
        await AssertNoChineseAsync(phone, "the thanks after paying");
        await Browser.ScreenshotAsync(phone, "viewer-english-390x844");
    }

    [Fact]
    public async Task A_phone_marks_an_event_in_rehearsal_and_still_takes_gifts()
    {
        using (var admin = stage.Server.Client(ServerProcess.TestAdminKey))
        {
            (await admin.PostAsJsonAsync("/api/events", new { id = "night-rehearsal", title = "Rehearsal night", goalFen = 500_000_00L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
                .EnsureSuccessStatusCode();
        }

        await stage.PostAsAdminAsync("/api/events/night-rehearsal/rehearse");
        var context = await stage.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync(stage.VenueUrl("/e/night-rehearsal").ToString());

        await Expect(phone.GetByTestId("rehearsal-mark")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("rehearsal-mark")).ToHaveTextAsync("彩排 REHEARSAL");
        await Expect(phone.GetByTestId("donate-submit")).ToBeEnabledAsync();
        await phone.Locator(".lang-switch button[lang='en']").ClickAsync();
        await Expect(phone.GetByTestId("rehearsal-mark")).ToHaveTextAsync("REHEARSAL");
        await Browser.ScreenshotAsync(phone, "viewer-rehearsal-390x844");

        // The reset before going live takes the mark off a phone that is already open.
        await stage.PostAsAdminAsync("/api/events/night-rehearsal/rehearsal/reset");
        await Expect(phone.GetByTestId("rehearsal-mark")).ToBeHiddenAsync();
        await context.CloseAsync();
    }

    private async Task<string> CreateLiveEventAsync(string eventId, string title, long goalFen)
    {
        using var admin = stage.Server.Client(ServerProcess.TestAdminKey);
        (await admin.PostAsJsonAsync("/api/events", new { id = eventId, title, goalFen, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        var desk = await admin.PostAsJsonAsync($"/api/events/{eventId}/desks", new { deskId = "desk-1", name = "Desk one" });
        var code = (await desk.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessCode").GetString()!;
        await stage.PostAsAdminAsync($"/api/events/{eventId}/open");
        return code;
    }

    /// <summary>
    /// Every text of the page, shown or hidden, with its placeholders, labels and title, but not the
    /// language switch (its 中文 button names Chinese in Chinese, the way back for a Chinese reader).
    /// </summary>
    private static async Task AssertNoChineseAsync(IPage page, string where)
    {
        var text = await page.EvaluateAsync<string>("""
            () => {
              const body = document.body.cloneNode(true);
              body.querySelectorAll('.lang-switch').forEach((node) => node.remove());
              const attributes = [...body.querySelectorAll('[placeholder], [aria-label], [title]')]
                .flatMap((node) => ['placeholder', 'aria-label', 'title'].map((name) => node.getAttribute(name) ?? ''));
              return [document.title, body.textContent, ...attributes].join('\n');
            }
            """);
        var left = text.Replace(StageDonor, "", StringComparison.Ordinal).Replace(OnlineDonor, "", StringComparison.Ordinal);
        var chinese = Chinese().Matches(left).Select(match => match.Value).Distinct().ToArray();
        Assert.True(chinese.Length == 0, $"{where} in English still shows {string.Join(" ", chinese)} in: {left}");
    }

    /// <summary>CJK ideographs, their punctuation and the full-width forms (￥, ：, ，).</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF00-\uFFEF]+")]
    private static partial Regex Chinese();
}
