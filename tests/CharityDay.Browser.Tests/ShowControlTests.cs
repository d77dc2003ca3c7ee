using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The screen controller on the venue LAN: the admin hands out the controller code on its card, the
/// controller signs in at /control/{eventId} and, with keys and buttons, takes two big screens through
/// a tier round, the honour roll, the thank-you roll and the messages; a milestone reached while
/// celebrations are held waits for the controller's cue, and then both screens celebrate it.
/// </summary>
public sealed class ShowControlTests(Stage stage) : IClassFixture<Stage>
{
    private const string EventId = "night-show";
    private const long Milestone = 1_000_000_00;
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoSeconds = new() { Timeout = 2_000 };

    [Fact]
    public async Task The_controller_takes_two_screens_through_every_scene_and_cues_a_held_celebration()
    {
        var deskCode = await stage.CreateLiveEventAsync(EventId, [Milestone]);
        var code = await IssueCodeOnTheAdminCardAsync();
        var walls = new[]
        {
            await stage.Browser.OpenAsync(stage.VenueUrl($"/screen/{EventId}"), 1920, 1080),
            await stage.Browser.OpenAsync(stage.VenueUrl($"/screen/{EventId}"), 1920, 1080),
        };
        var console = await OpenConsoleWatchingCspAsync();
        await Browser.AssertOnVenueLanAsync(console);
        await Expect(console.GetByTestId("control-event")).ToHaveValueAsync(EventId);
        await console.GetByTestId("control-code").FillAsync(code);
        await console.GetByTestId("control-signin").ClickAsync();
        await Expect(console.GetByTestId("control-on-air")).ToHaveTextAsync("善款总额");

        await console.Keyboard.PressAsync("h");
        await Expect(console.GetByTestId("control-hold")).ToBeCheckedAsync();
        await stage.PledgeAtDeskAsync(EventId, deskCode, Milestone, "上一轮集团");
        await Expect(console.GetByTestId("control-cue")).ToBeEnabledAsync();
        foreach (var wall in walls)
        {
            await Expect(wall.GetByTestId("total")).ToHaveTextAsync("¥100万");
            Assert.Equal("0", await wall.EvaluateAsync<string>("document.body.dataset.celebrations"));
        }

        await console.Keyboard.PressAsync("1"); // the tiers, highest first
        await Expect(console.GetByTestId("control-on-air")).ToContainTextAsync("500万档");
        await OnEveryWallAsync(walls, wall => Expect(wall.GetByTestId("scene-tierRound")).ToBeVisibleAsync(WithinTwoSeconds));
        await OnEveryWallAsync(walls, wall => Expect(wall.GetByTestId("round-empty")).ToHaveTextAsync("请举牌认捐"));
        await stage.PledgeAtDeskAsync(EventId, deskCode, 5_000_000_00, "本轮集团");
        await OnEveryWallAsync(walls, async wall =>
        {
            await Expect(wall.GetByTestId("round-placard")).ToHaveTextAsync(["本轮集团¥500万"]);
            await Expect(wall.GetByTestId("scene-subtitle")).ToContainTextAsync("本轮 1 笔");
            await Expect(wall.GetByTestId("corner-total")).ToHaveTextAsync("¥600万");
        });
        await walls[0].WaitForTimeoutAsync(800); // the placard's entrance, for the picture
        await Browser.ScreenshotAsync(walls[0], "wall-tier-round-1920x1080");

        await console.GetByTestId("control-scene-honourRoll").ClickAsync();
        await OnEveryWallAsync(walls, wall => Expect(wall.GetByTestId("honour-enterprises").GetByTestId("honour-line"))
            .ToHaveTextAsync(["1本轮集团¥500万", "2上一轮集团¥100万"]));
        await Browser.ScreenshotAsync(walls[0], "wall-honour-roll-1920x1080");

        await console.Keyboard.PressAsync("t");
        await OnEveryWallAsync(walls, wall => Expect(wall.GetByTestId("thanks-name")).ToHaveTextAsync(["上一轮集团", "本轮集团"]));

        await stage.DonateAsync(EventId, 88_00, "网友小王", "愿山区的孩子们都有书读");
        await stage.ApprovePendingNamesAsync(EventId);
        await console.Keyboard.PressAsync("m");
        await OnEveryWallAsync(walls, wall => Expect(wall.GetByTestId("message-card")).ToContainTextAsync("愿山区的孩子们都有书读"));
        await Browser.ScreenshotAsync(walls[0], "wall-messages-1920x1080");

        await console.GetByTestId("control-cue").ClickAsync();
        await OnEveryWallAsync(walls, wall => Expect(wall.Locator("body[data-celebrations='1']")).ToHaveCountAsync(1));
        await Expect(walls[0].GetByTestId("celebration")).ToHaveTextAsync("善款突破 ¥100万！");
        await Browser.ScreenshotAsync(walls[0], "wall-messages-celebration-1920x1080");
        await Browser.ScreenshotAsync(console, "control-console-1280x800");

        // Three keys faster than the server answers: every wall ends on the last one pressed.
        foreach (var key in new[] { "t", "r", "0" })
        {
            await console.Keyboard.PressAsync(key);
        }

        await OnEveryWallAsync(walls, wall => Expect(wall.GetByTestId("scene-total")).ToBeVisibleAsync(WithinTwoSeconds));
        await Expect(console.GetByTestId("control-on-air")).ToHaveTextAsync("善款总额");
        // In English every label follows, the key hints stay, and a tier reads as English money.
        await console.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(console.GetByTestId("control-scene-total")).ToHaveTextAsync("Total raised0");
        await Expect(console.GetByTestId("control-tier").First).ToHaveTextAsync("¥5 million round1");
        var violations = await console.EvaluateAsync<string[]>("window.__violations");
        Assert.True(violations.Length == 0, $"/control: the CSP blocked {string.Join(", ", violations)}");
    }

    [Fact]
    public async Task A_placard_on_the_wall_keeps_still_while_the_next_ones_arrive()
    {
        const string eventId = "night-show-placards";
        var deskCode = await stage.CreateLiveEventAsync(eventId);
        using (var admin = stage.Server.Client(ServerProcess.TestAdminKey))
        {
            (await admin.PutAsJsonAsync($"/api/events/{eventId}/show", new { scene = "tierRound", tierFen = 1_000_000_00L })).EnsureSuccessStatusCode();
        }

        var wall = await stage.Browser.OpenAsync(stage.VenueUrl($"/screen/{eventId}"), 1920, 1080);
        await stage.PledgeAtDeskAsync(eventId, deskCode, 1_000_000_00, "第一家举牌的爱心集团股份有限公司");
        var first = wall.GetByTestId("round-placard").First;
        await Expect(first).ToHaveCSSAsync("opacity", "1");
        await Expect(first).ToContainTextAsync("第一家举牌的爱心集团股份有限公司");
        // No line hidden below the two shown (a glyph's own overhang is a few pixels, a line is ~44).
        Assert.True(await first.Locator(".placard-name").EvaluateAsync<bool>(
            "e => e.scrollHeight < e.clientHeight + parseFloat(getComputedStyle(e).lineHeight) / 2 && e.scrollWidth <= e.clientWidth + 1"),
            "a sponsor's name is cut off on the placard");

        // Eight more placards, one every 150 ms: each push redraws the round, and the first placard must not
        // start its entrance again. Fewer than the 12 on the wall, so the first never leaves it mid-check.
        var more = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                await stage.PledgeAtDeskAsync(eventId, deskCode, 1_000_000_00, $"第{i + 2}家爱心企业");
                await Task.Delay(150);
            }
        });
        await wall.WaitForTimeoutAsync(600);
        var opacities = new List<string>();
        for (var sample = 0; sample < 5; sample++)
        {
            opacities.Add(await first.EvaluateAsync<string>("e => getComputedStyle(e).opacity"));
            await wall.WaitForTimeoutAsync(120);
        }

        await more;
        Assert.All(opacities, opacity => Assert.Equal("1", opacity));
    }

    [Fact]
    public async Task A_long_thank_you_roll_climbs_steadily_and_new_names_do_not_move_it()
    {
        const string eventId = "night-show-thanks";
        var deskCode = await stage.CreateLiveEventAsync(eventId);
        for (var i = 0; i < 90; i++)
        {
            await stage.PledgeAtDeskAsync(eventId, deskCode, 1_000_000, $"鸣谢单位{i + 1:D2}");
        }

        using (var admin = stage.Server.Client(ServerProcess.TestAdminKey))
        {
            (await admin.PutAsJsonAsync($"/api/events/{eventId}/show", new { scene = "thanks" })).EnsureSuccessStatusCode();
        }

        var wall = await stage.Browser.OpenAsync(stage.VenueUrl($"/screen/{eventId}"), 1920, 1080);
        await Expect(wall.GetByTestId("thanks-name")).ToHaveCountAsync(90);
        await Expect(wall.Locator(".thanks-roll.is-rolling")).ToHaveCountAsync(1);

        // Seven seconds, sampled every quarter second, with six more names arriving meanwhile (the wall
        // fetches the roll every 5 s): the roll only ever climbs, a little each time.
        var more = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await stage.PledgeAtDeskAsync(eventId, deskCode, 1_000_000, $"新到单位{i + 1}");
            }
        });
        // Each sample is the roll's offset (px) with the page's clock (ms): the machine may stretch the gaps.
        var samples = new List<double[]>();
        for (var sample = 0; sample < 28; sample++)
        {
            samples.Add(await wall.GetByTestId("thanks-roll").EvaluateAsync<double[]>("e => [-new DOMMatrix(getComputedStyle(e).transform).m42, performance.now()]"));
            await wall.WaitForTimeoutAsync(250);
        }

        await more;
        await Expect(wall.GetByTestId("thanks-name")).ToHaveCountAsync(96);
        // Never back, never a leap: at most 200 px a second (it climbs about 46 on this wall: 0.6 rows of
        // 4 rem), and on by the end. The one step back allowed is the loop's, to just below the wall (about
        // 45 s in, later than a sampling run takes even on a loaded machine).
        var steady = samples.Zip(samples.Skip(1), (before, after) => (Px: after[0] - before[0], Seconds: (after[1] - before[1]) / 1000, After: after[0]))
            .All(step => (step.Px >= 0 && step.Px <= (step.Seconds * 200) + 5) || step.After < 0);
        Assert.True(steady && samples[^1][0] > samples[0][0] + 100,
            $"the roll did not climb steadily: {string.Join(", ", samples.Select(s => FormattableString.Invariant($"{s[0]:F0}px@{s[1]:F0}ms")))}");
    }

    [Fact]
    public async Task A_wrong_controller_code_is_refused_on_the_sign_in_form()
    {
        const string eventId = "night-show-sign-in";
        await stage.CreateLiveEventAsync(eventId);
        var console = await stage.Browser.OpenAsync(stage.VenueUrl($"/control/{eventId}"), 1280, 800);
        await console.GetByTestId("control-code").FillAsync("not-the-code");
        await console.GetByTestId("control-signin").ClickAsync();
        await Expect(console.GetByTestId("control-signin-error")).ToHaveTextAsync("活动编号或导播口令不对，请向管理员确认");
        await Expect(console.GetByTestId("control-console")).ToBeHiddenAsync();
    }

    private static async Task OnEveryWallAsync(IEnumerable<IPage> walls, Func<IPage, Task> expectation)
    {
        foreach (var wall in walls)
        {
            await expectation(wall);
        }
    }

    /// <summary>The admin's screen-control card: issue the code, read it once, and the link to the console.</summary>
    private async Task<string> IssueCodeOnTheAdminCardAsync()
    {
        var admin = await AdminConsole.OpenAsync(stage, EventId);
        var card = admin.Page.GetByTestId("control-card");
        await Expect(card.GetByTestId("controller-code-state")).ToHaveTextAsync("尚未发放");
        await Expect(card.GetByTestId("controller-page")).ToHaveAttributeAsync("href", $"/control/{EventId}");
        await card.GetByTestId("issue-controller-code").ClickAsync();
        await Expect(card.GetByTestId("controller-code")).ToBeVisibleAsync();
        return (await card.GetByTestId("controller-code").TextContentAsync())!;
    }

    /// <summary>The console on the venue LAN, keeping every CSP violation from the first script on.</summary>
    private async Task<IPage> OpenConsoleWatchingCspAsync()
    {
        var context = await stage.Browser.Chromium.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
            """);
        await page.GotoAsync(stage.VenueUrl($"/control/{EventId}").ToString());
        return page;
    }
}
