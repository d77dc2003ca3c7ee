using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The admin's ledger on the night, from the venue's LAN name: a void made from the ledger with its
/// reason, and the money by desk and channel with online giving as one 网络 line, however many shard
/// desks the server spread the donations over.
/// </summary>
public sealed class AdminLedgerTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task The_admin_voids_a_pledge_from_the_ledger_with_a_reason_and_a_blank_reason_gets_the_servers_problem()
    {
        var code = await stage.CreateLiveEventAsync("night-admin-void");
        var wrong = await stage.PledgeAtDeskAsync("night-admin-void", code, 1_000_000_00, "错录集团");
        await stage.PledgeAtDeskAsync("night-admin-void", code, 500_000_00, "正确集团");
        var admin = await AdminConsole.OpenOnVenueAsync(stage, "night-admin-void");
        await Browser.AssertOnVenueLanAsync(admin.Page);
        await Expect(admin.PledgeRow(wrong)).ToHaveAttributeAsync("data-voided", "false");

        await admin.VoidAsync(wrong, "   ");
        var dialog = admin.Page.GetByTestId("ledger-void-dialog");
        await Expect(dialog.GetByTestId("ledger-void-error")).ToContainTextAsync("作废原因: 必填");
        Assert.Equal(1_500_000_00, (await stage.SettledAuditAsync("night-admin-void")).GetProperty("ledgerTotalFen").GetInt64());

        await admin.VoidAsync(wrong, "金额录错");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(admin.PledgeRow(wrong)).ToHaveAttributeAsync("data-voided", "true");
        await Expect(admin.PledgeRow(wrong).GetByTestId("voided-mark")).ToBeVisibleAsync();
        await Expect(admin.PledgeRow(wrong).GetByTestId("ledger-void")).ToHaveCountAsync(0);
        await Expect(admin.VoidRow(wrong)).ToContainTextAsync("金额录错");
        await Expect(admin.DeskTally("desk-1").GetByTestId("tally-count")).ToHaveTextAsync("1");
        await Expect(admin.DeskTally("desk-1").GetByTestId("tally-amount")).ToHaveTextAsync("¥500,000.00");
        await Browser.ScreenshotAsync(admin.Page, "admin-ledger-void");
        var audit = await stage.SettledAuditAsync("night-admin-void");
        Assert.Equal(500_000_00, audit.GetProperty("ledgerTotalFen").GetInt64());
        Assert.Equal(1, audit.GetProperty("ledgerPledgeCount").GetInt64());
    }

    [Fact]
    public async Task The_admin_finds_a_pledge_by_name_channel_and_amount_and_a_bad_amount_is_named_in_the_page()
    {
        const string eventId = "night-admin-search";
        var code = await stage.CreateLiveEventAsync(eventId);
        var wanted = await stage.PledgeAtDeskAsync(eventId, code, 2_000_000_00, "华夏建设集团");
        await stage.PledgeAtDeskAsync(eventId, code, 50_000_00, "华夏小学");
        await stage.PledgeAtDeskAsync(eventId, code, 3_000_000_00, "长江实业");
        await stage.DonateAsync(eventId, 66_00, "网友华夏");
        var admin = await AdminConsole.OpenOnVenueAsync(stage, eventId);
        var page = admin.Page;
        await Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(4);

        await page.GetByTestId("ledger-search-name").FillAsync("华夏");
        await page.GetByTestId("ledger-search-channel").SelectOptionAsync("stage");
        await page.GetByTestId("ledger-search-min").FillAsync("100万");
        await page.GetByTestId("ledger-search").ClickAsync();
        await Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(1);
        await Expect(admin.PledgeRow(wanted)).ToBeVisibleAsync();
        await Expect(page.Locator(".ledger-card .pager .hint")).ToContainTextAsync("筛选结果（全部账目）：认捐 1 笔，共 ¥2,000,000.00。本页 1 条");

        // Without the amount: both of the stage's 华夏 pledges, counted and summed over the whole ledger.
        await page.GetByTestId("ledger-search-min").FillAsync("");
        await page.GetByTestId("ledger-search").ClickAsync();
        await Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(2);
        await Expect(page.Locator(".ledger-card .pager .hint")).ToContainTextAsync("认捐 2 笔，共 ¥2,050,000.00");
        await page.GetByTestId("ledger-search-min").FillAsync("100万");
        await page.GetByTestId("ledger-search").ClickAsync();
        await Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "admin-ledger-search");

        // Refused in the page: the search shown stays as it was.
        await page.GetByTestId("ledger-search-min").FillAsync("很多");
        await page.GetByTestId("ledger-search").ClickAsync();
        await Expect(page.GetByTestId("ledger-search-message")).ToContainTextAsync("金额格式不正确");
        await Expect(page.GetByTestId("ledger-search-min")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(1);

        await page.GetByTestId("ledger-search-clear").ClickAsync();
        await Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task Online_donations_on_several_shard_desks_show_as_one_online_line_beside_each_stage_desk()
    {
        var code = await stage.CreateLiveEventAsync("night-channels");
        await stage.PledgeAtDeskAsync("night-channels", code, 1_000_000_00, "现场集团");
        var donations = await DonateOverTwoShardsAsync("night-channels", 88_88);

        var admin = await AdminConsole.OpenOnVenueAsync(stage, "night-channels");
        await Expect(admin.OnlineTally).ToHaveCountAsync(1);
        await Expect(admin.OnlineTally.GetByTestId("tally-count")).ToHaveTextAsync(donations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(admin.OnlineTally.GetByTestId("tally-amount")).ToHaveTextAsync(NightCluster.FullDigits(donations * 88_88));
        await Expect(admin.OnlineTally).ToContainTextAsync("网络");
        await Expect(admin.Page.Locator("[data-testid=tally-row][data-desk-id^='online-']")).ToHaveCountAsync(0);
        await Expect(admin.DeskTally("desk-1")).ToContainTextAsync("一号录入台");
        await Expect(admin.DeskTally("desk-1").GetByTestId("tally-amount")).ToHaveTextAsync("¥1,000,000.00");
        await Expect(admin.Page.Locator("[data-testid=tally-row][data-total=true]").GetByTestId("tally-amount"))
            .ToHaveTextAsync(NightCluster.FullDigits(1_000_000_00 + (donations * 88_88)));
        await Browser.ScreenshotAsync(admin.Page, "admin-desk-and-channel");
    }

    /// <summary>
    /// Gives until the ledger holds donations on two different shard desks (the shard follows a hash of
    /// the donation id, so a few gifts are enough); returns how many were given.
    /// </summary>
    private async Task<int> DonateOverTwoShardsAsync(string eventId, long amountFen)
    {
        using var admin = stage.Server.Client(ServerProcess.TestAdminKey);
        for (var given = 1; given <= 20; given++)
        {
            await stage.DonateAsync(eventId, amountFen);
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}/ledger?after=0&limit=1000");
            var shards = page.GetProperty("entries").EnumerateArray()
                .Where(entry => entry.GetProperty("channel").GetString() == "online")
                .Select(entry => entry.GetProperty("deskId").GetString())
                .Distinct()
                .Count();
            if (shards >= 2)
            {
                return given;
            }
        }

        Assert.Fail("20 donations all landed on one shard desk: the test could not show two shards merged.");
        return 0;
    }
}
