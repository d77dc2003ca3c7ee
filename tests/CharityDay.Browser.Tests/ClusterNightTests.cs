using System.Net.Http.Json;
using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// The night's pages on the production shape: three nodes behind HAProxy, every page on the venue's
/// plain-HTTP LAN name at the balancer's port, and the faults of a real night: a node dying under the
/// big screen, Redis going away. What the room sees must stay right: every acknowledged pledge on the
/// screen, the screen's total equal to the ledger's, nothing lost at the desk.
/// </summary>
public sealed class ClusterNightTests(NightCluster night, ITestOutputHelper output) : IClassFixture<NightCluster>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveTextOptions TwoSeconds = new() { Timeout = 2_000 };

    private readonly List<IPage> _pages = [];

    [Fact]
    public async Task Through_the_balancer_on_the_LAN_name_a_pledge_typed_at_a_desk_shows_on_the_big_screen_and_a_phone()
    {
        var code = await night.CreateLiveEventAsync("cluster-lan");
        var screen = await OpenAsync("/screen/cluster-lan", 1920, 1080);
        var phone = await OpenAsync("/e/cluster-lan", 390, 844);
        var desk = new OperatorConsole(await OpenAsync("/operator", 1440, 900));
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥0.00");
        await desk.SignInAsync("cluster-lan", "desk-1", code);

        var capital = await desk.PledgeAsync("500万", "爱心集团");
        await Expect(desk.Entry("爱心集团")).ToHaveAttributeAsync("data-state", "confirmed");

        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥500万", TwoSeconds);
        await Expect(phone.GetByTestId("total")).ToHaveTextAsync("¥500万", TwoSeconds);
        Assert.Contains("伍佰万元整", capital, StringComparison.Ordinal);
        await Expect(screen.GetByTestId("feed-name").First).ToHaveTextAsync("爱心集团");
        await Expect(screen.GetByTestId("feed-amount").First).ToHaveTextAsync("¥500万");
        await Expect(phone.GetByTestId("feed-name").First).ToHaveTextAsync("爱心集团");
        output.WriteLine($"by node: screens [{string.Join(", ", await night.ConnectionsByNodeAsync())}], phones [{string.Join(", ", await night.ConnectionsByNodeAsync("viewers"))}]");
        await Browser.ScreenshotAsync(screen, "cluster-screen-1920x1080");
        await Browser.ScreenshotAsync(phone, "cluster-viewer-390x844");
        await Browser.ScreenshotAsync(desk.Page, "cluster-operator");
    }

    [Fact]
    public async Task A_scene_the_controller_chooses_on_one_node_reaches_the_big_screens_on_the_other_two_within_two_seconds()
    {
        await night.CreateLiveEventAsync("cluster-show");
        using var admin = night.Cluster.Client(night.Cluster.AdminKey);
        var issued = await (await admin.PostAsync("/api/events/cluster-show/staff/controller/code", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var walls = new List<IPage>();
        foreach (var node in new[] { 1, 3 })
        {
            var wall = await night.Browser.OpenAsync(night.NodeVenueUrl(node, "/screen/cluster-show"), 1920, 1080);
            _pages.Add(wall);
            await Expect(wall.GetByTestId("scene-total")).ToBeVisibleAsync();
            walls.Add(wall);
        }

        var console = await night.Browser.OpenAsync(night.NodeVenueUrl(2, "/control/cluster-show"), 1280, 800);
        _pages.Add(console);
        await console.GetByTestId("control-code").FillAsync(issued.GetProperty("accessCode").GetString()!);
        await console.GetByTestId("control-signin").ClickAsync();
        await Expect(console.GetByTestId("control-tier")).ToHaveCountAsync(2);
        await console.Keyboard.PressAsync("1");
        foreach (var wall in walls)
        {
            await Expect(wall.GetByTestId("scene-title")).ToHaveTextAsync("500万档", TwoSeconds);
        }

        await console.Keyboard.PressAsync("t");
        foreach (var wall in walls)
        {
            await Expect(wall.GetByTestId("scene-title")).ToHaveTextAsync("鸣谢", TwoSeconds);
        }
    }

    [Fact]
    public async Task Each_node_killed_in_turn_mid_show_loses_no_pledge_and_the_big_screen_ends_on_the_ledger_total()
    {
        const string EventId = "cluster-kill";
        var show = await NightAsync(EventId);
        var clock = Stopwatch.StartNew();
        await show.PledgeAsync(11, "断电前企业");
        await show.ScreenShowsAsync(show.TypedFen, TimeSpan.FromSeconds(5));

        // Every node once, with a restart between: whatever a node holds (the screen's socket, the desk's
        // grain, the total's grain) is on it when it dies at least once, and the screen's node is hit first.
        var screenNode = await night.ScreenNodeAsync("the big screen to join on one node");
        var victims = Enumerable.Range(1, night.Cluster.Nodes.Count).OrderBy(node => node == screenNode ? 0 : 1).ToList();
        var screenHit = false;
        foreach (var victim in victims)
        {
            screenNode = await night.ScreenNodeAsync("the big screen to be on one node");
            output.WriteLine($"{clock.ElapsedMilliseconds} ms: SIGKILL to node {victim}, the screen is on node {screenNode}; {await night.GrainPlacementAsync()}");
            var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await night.KillNodeAsync(victim);
            string[] during = [$"断电中企业{victim}甲", $"断电中企业{victim}乙"];
            await show.TypeAsync(20 + victim, during[0]);
            await show.TypeAsync(30 + victim, during[1]);
            if (victim == screenNode)
            {
                screenHit = true;
                var lost = await show.Screen.WaitForStatusAsync("disconnected", killedAt, TimeSpan.FromSeconds(10));
                await Browser.ScreenshotAsync(show.Screen.Page, "cluster-screen-node-killed");
                var rejoined = await night.ScreenNodeAsync("the big screen to join again on a node still running", TimeSpan.FromSeconds(30));
                Assert.NotEqual(victim, rejoined);
                await show.Screen.WaitForStatusAsync("live", lost.At, TimeSpan.FromSeconds(30));
                output.WriteLine($"  the screen moved to node {rejoined}: {ScreenRecorder.Describe(await show.Screen.StatusesAsync(), killedAt)}");
            }

            // The console retries a 503 with the same id until the desk's grain answers from its new home.
            foreach (var name in during)
            {
                await Expect(show.Desk.Entry(name)).ToHaveAttributeAsync("data-state", "confirmed", new() { Timeout = 30_000 });
            }

            await show.ScreenShowsAsync(show.TypedFen, TimeSpan.FromSeconds(20));
            output.WriteLine($"  +{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - killedAt} ms: both acknowledged and on the screen, which showed {ScreenRecorder.Describe(await show.Screen.StatusesAsync(), killedAt)}; restarting node {victim}");
            await night.RestartNodeAsync(victim);
        }

        Assert.True(screenHit, "no kill hit the node the big screen was connected to");
        await show.PledgeAsync(41, "恢复后企业");
        var queue = await show.EveryPledgeConfirmedAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{clock.ElapsedMilliseconds} ms: sends per pledge: " + string.Join(", ", queue.Select(p => $"{p.Body.DonorName} {p.Attempts}")));
        var audit = await night.SettledAuditAsync(EventId, TimeSpan.FromSeconds(20));
        Assert.Equal(show.Typed.Count, audit.GetProperty("ledgerPledgeCount").GetInt64());
        Assert.Equal(show.TypedFen, audit.GetProperty("ledgerTotalFen").GetInt64());
        await show.ScreenShowsAsync(audit.GetProperty("ledgerTotalFen").GetInt64(), TimeSpan.FromSeconds(10));
        await show.DeskShowsEveryPledgeAsync(queue);
        await show.Screen.AssertNeverWentBackAsync();
        await Browser.ScreenshotAsync(show.Screen.Page, "cluster-screen-after-kills");
        await Browser.ScreenshotAsync(show.Desk.Page, "cluster-operator-after-kills");
    }

    [Fact]
    public async Task With_Redis_down_the_desk_keeps_taking_pledges_and_the_big_screen_follows_each_within_two_seconds()
    {
        const string EventId = "cluster-redis";
        var show = await NightAsync(EventId);
        await show.PledgeAsync(100, "缓存在线企业");
        await show.ScreenShowsAsync(show.TypedFen, TimeSpan.FromSeconds(5));

        var outage = Stopwatch.StartNew();
        var stoppedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await night.StopRedisAsync();
        var lags = new List<string>();
        for (var wan = 101; outage.Elapsed < TimeSpan.FromSeconds(12); wan++)
        {
            var name = $"缓存中断企业{wan}";
            var ack = await show.PledgeAsync(wan, name, ackWithin: TimeSpan.FromSeconds(5));
            await show.ScreenShowsAsync(show.TypedFen, TimeSpan.FromSeconds(5));
            var feedAt = await show.Screen.NameSeenAtAsync(name);
            var totalAt = await show.Screen.TotalSeenAtAsync(NightCluster.FullDigits(show.TypedFen));
            lags.Add($"{name}: feed +{feedAt - ack} ms, total +{totalAt - ack} ms");
            // The feed moves as the new state arrives; the total then counts up to it for 1.2 s.
            Assert.True(feedAt - ack <= 2_000, $"{name} reached the big screen's feed {feedAt - ack} ms after its ack, with Redis down");
            Assert.True(totalAt - ack <= 2_000 + 1_300, $"the big screen's total reached {show.TypedFen} fen {totalAt - ack} ms after the ack, with Redis down");
        }

        var readiness = await Task.WhenAll(night.Cluster.Nodes.Select(node => night.Cluster.NodeReadinessAsync(node.Number)));
        Assert.All(readiness, status => Assert.Equal(503, status)); // Redis was really gone: no node called itself ready
        await Browser.ScreenshotAsync(show.Screen.Page, "cluster-screen-redis-down");
        await night.StartRedisAsync();
        output.WriteLine($"Redis was down {outage.ElapsedMilliseconds} ms; {string.Join("; ", lags)}");

        await Eventually.ReadAsync(
            () => Task.WhenAll(night.Cluster.Nodes.Select(node => night.Cluster.NodeReadinessAsync(node.Number))),
            statuses => statuses.All(status => status == 200),
            "every node to be ready again once Redis is back",
            TimeSpan.FromSeconds(30));
        await show.PledgeAsync(200, "缓存恢复企业");
        var queue = await show.EveryPledgeConfirmedAsync(TimeSpan.FromSeconds(15));
        var audit = await night.SettledAuditAsync(EventId);
        Assert.Equal(show.Typed.Count, audit.GetProperty("ledgerPledgeCount").GetInt64());
        Assert.Equal(show.TypedFen, audit.GetProperty("ledgerTotalFen").GetInt64());
        await show.ScreenShowsAsync(audit.GetProperty("ledgerTotalFen").GetInt64(), TimeSpan.FromSeconds(5));
        await show.DeskShowsEveryPledgeAsync(queue);
        await show.Screen.AssertNeverWentBackAsync();
        output.WriteLine($"the screen showed: {ScreenRecorder.Describe(await show.Screen.StatusesAsync(), stoppedAt)}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        await night.RestoreAsync();
    }

    /// <summary>A big screen showing every digit and a signed-in desk, both on the LAN name through the balancer.</summary>
    private async Task<DeskAndScreen> NightAsync(string eventId)
    {
        var code = await night.CreateLiveEventAsync(eventId);
        var screen = await OpenAsync($"/screen/{eventId}?digits=full", 1920, 1080);
        var desk = new OperatorConsole(await OpenAsync("/operator", 1440, 900));
        await Expect(screen.GetByTestId("total")).ToHaveTextAsync("¥0.00");
        var recorder = await ScreenRecorder.StartAsync(screen);
        await desk.SignInAsync(eventId, "desk-1", code);
        return new DeskAndScreen(eventId, desk, recorder);
    }

    private async Task<IPage> OpenAsync(string path, int width, int height)
    {
        var page = await night.Browser.OpenAsync(night.VenueUrl(path), width, height);
        _pages.Add(page);
        await Browser.AssertOnVenueLanAsync(page);
        Assert.Equal(night.Cluster.BalancerUrl.Port, new Uri(page.Url).Port);
        return page;
    }
}
