using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The pages together, in a real browser against a real server, as on the night: desks, screens and
/// phones on the venue's plain-HTTP LAN name, the admin on the back office's loopback.
/// </summary>
public sealed class EventNightTests(Stage stage) : IClassFixture<Stage>
{
    private const string Script = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_pledge_typed_at_a_desk_shows_on_the_big_screen_and_a_phone_within_two_seconds()
    {
        var code = await stage.CreateLiveEventAsync("night-total");
        var screen = await stage.Browser.OpenAsync(stage.VenueUrl("/screen/night-total"), 1920, 1080);
        var phone = await stage.Browser.OpenAsync(stage.VenueUrl("/e/night-total"), 390, 844);
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        foreach (var page in new[] { screen, phone, desk.Page })
        {
            await Browser.AssertOnVenueLanAsync(page);
        }

        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥0.00");
        await desk.SignInAsync("night-total", "desk-1", code);

        var capital = await desk.PledgeAsync("500万", "爱心集团");
        await Expect(desk.Entry("爱心集团")).ToHaveAttributeAsync("data-state", "confirmed");

        var twoSeconds = new LocatorAssertionsToHaveTextOptions { Timeout = 2000 };
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥500万", twoSeconds);
        await Expect(phone.GetByTestId("total")).ToHaveTextAsync("¥500万", twoSeconds);
        Assert.Contains("伍佰万元整", capital, StringComparison.Ordinal);
        await Expect(screen.GetByTestId("feed-name").First).ToHaveTextAsync("爱心集团");
        await Browser.ScreenshotAsync(screen, "screen-1920x1080");
        await Browser.ScreenshotAsync(phone, "viewer-390x844");
        await Browser.ScreenshotAsync(desk.Page, "operator");
    }

    [Fact]
    public async Task A_donor_name_that_looks_like_html_is_shown_as_text_on_every_page()
    {
        var code = await stage.CreateLiveEventAsync("night-script");
        var dialogs = 0;
        var screen = await stage.Browser.OpenAsync(stage.VenueUrl("/screen/night-script"), 1920, 1080);
        var phone = await stage.Browser.OpenAsync(stage.VenueUrl("/e/night-script"), 390, 844);
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        foreach (var page in new[] { screen, phone, desk.Page })
        {
            page.Dialog += (_, _) => dialogs++;
        }

        await desk.SignInAsync("night-script", "desk-1", code);
        await desk.PledgeAsync("10万", Script);
        await Expect(desk.Entry(Script)).ToHaveAttributeAsync("data-state", "confirmed");

        await Expect(screen.GetByTestId("feed-name").First).ToHaveTextAsync(Script);
        await Expect(phone.GetByTestId("feed-name").First).ToHaveTextAsync(Script);
        await Expect(desk.Page.GetByTestId("desk-pledge").First).ToContainTextAsync(Script);
        var admin = (await AdminConsole.OpenAsync(stage, "night-script")).Page;
        await Expect(admin.GetByTestId("ledger-row").First).ToContainTextAsync(Script);
        foreach (var page in new[] { screen, phone, desk.Page, admin })
        {
            Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        }

        Assert.Equal(0, dialogs);
        await Browser.ScreenshotAsync(admin, "admin");
    }

    [Fact]
    public async Task A_donation_from_a_phone_reaches_the_big_screen_only_once_paid_at_the_cashier()
    {
        await stage.CreateLiveEventAsync("night-online");
        var screen = await stage.Browser.OpenAsync(stage.VenueUrl("/screen/night-online"), 1920, 1080);
        var phone = await stage.Browser.OpenAsync(stage.VenueUrl("/e/night-online"), 390, 844);
        await Browser.AssertOnVenueLanAsync(phone);

        await phone.GetByTestId("donate-amount").FillAsync("88.88");
        await phone.GetByTestId("donate-name").FillAsync("网友小李");
        await phone.GetByTestId("donate-message").FillAsync("祝福家乡");
        await phone.GetByTestId("donate-submit").ClickAsync();

        // The embedded demo's cashier, on the same LAN address: the order, nothing counted yet.
        await Expect(phone.GetByTestId("demo-cashier")).ToContainTextAsync("演示收银台");
        await Expect(phone.GetByTestId("cashier-amount")).ToHaveTextAsync("¥88.88");
        await Browser.ScreenshotAsync(phone, "demo-cashier-390x844");
        Assert.Equal(0, (await stage.SettledAuditAsync("night-online")).GetProperty("ledgerTotalFen").GetInt64());
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥0.00");
        var admin = await AdminConsole.OpenAsync(stage, "night-online");
        await Expect(admin.Page.GetByTestId("orders-summary")).ToContainTextAsync("待支付 1 笔，共 ¥88.88", new() { Timeout = 10_000 });
        await Expect(admin.Page.GetByTestId("order-row")).ToHaveCountAsync(1);

        await phone.GetByTestId("cashier-pay").ClickAsync();

        await Expect(phone.GetByTestId("thank-you")).ToBeVisibleAsync();
        Assert.StartsWith(stage.VenueUrl("/e/night-online").ToString(), phone.Url, StringComparison.Ordinal);
        await Expect(phone.GetByTestId("receipt")).ToContainTextAsync("收据号 CD");
        // The name waits for the moderator: the stand-in first, the name once approved.
        await Expect(screen.GetByTestId("feed-name").First).ToHaveTextAsync("爱心人士");
        await stage.ApprovePendingNamesAsync("night-online");
        await Expect(screen.GetByTestId("feed-name").First).ToHaveTextAsync("网友小李");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥88.88");
        var audit = await stage.SettledAuditAsync("night-online");
        Assert.Equal(88_88, audit.GetProperty("ledgerTotalFen").GetInt64());
        await Expect(admin.Page.GetByTestId("orders-summary")).ToContainTextAsync("已支付 1 笔", new() { Timeout = 10_000 });
        await Browser.ScreenshotAsync(phone, "viewer-thank-you-390x844");
    }

    [Fact]
    public async Task Crossing_a_milestone_celebrates_once()
    {
        var code = await stage.CreateLiveEventAsync("night-milestone", milestonesFen: [1_000_000_00]);
        var screen = await stage.Browser.OpenAsync(stage.VenueUrl("/screen/night-milestone"), 1920, 1080);
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥0.00");

        await stage.PledgeAtDeskAsync("night-milestone", code, 600_000_00, "爱心企业");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥600,000.00");
        Assert.Equal("0", await screen.EvaluateAsync<string>("document.body.dataset.celebrations ?? '0'"));

        await stage.PledgeAtDeskAsync("night-milestone", code, 500_000_00, "爱心企业");
        await Expect(screen.GetByTestId("celebration")).ToBeVisibleAsync();
        await Expect(screen.GetByTestId("celebration")).ToContainTextAsync("100万");
        await Browser.ScreenshotAsync(screen, "screen-celebration-1920x1080");
        await stage.PledgeAtDeskAsync("night-milestone", code, 100_000_00, "爱心企业");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥120万");

        Assert.Equal("1", await screen.EvaluateAsync<string>("document.body.dataset.celebrations"));
    }

    [Fact]
    public async Task A_milestone_a_void_took_back_is_celebrated_again_when_the_total_crosses_it_for_real()
    {
        // 1.73亿, a mistaken 10亿 entry, its void, then the real 2.02亿: the 2亿 goal gets its moment.
        var code = await stage.CreateLiveEventAsync("night-rearm", milestonesFen: [200_000_000_00]);
        var screen = await stage.Browser.OpenAsync(stage.VenueUrl("/screen/night-rearm"), 1920, 1080);
        await stage.PledgeAtDeskAsync("night-rearm", code, 173_000_000_00, "爱心企业");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥1.73亿");

        var mistaken = await stage.PledgeAtDeskAsync("night-rearm", code, 1_000_000_000_00, "爱心企业");
        await Expect(screen.Locator("body")).ToHaveAttributeAsync("data-celebrations", "1");
        await stage.VoidAsync("night-rearm", mistaken, "录入错误");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥1.73亿");
        await Expect(screen.GetByTestId("celebration")).ToHaveCountAsync(0);

        await stage.PledgeAtDeskAsync("night-rearm", code, 29_000_000_00, "爱心企业");
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥2.02亿");
        await Expect(screen.Locator("body")).ToHaveAttributeAsync("data-celebrations", "2");
        await Expect(screen.GetByTestId("celebration")).ToContainTextAsync("2亿");
    }
}
