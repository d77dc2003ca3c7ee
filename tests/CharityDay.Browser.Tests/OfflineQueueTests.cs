using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>The venue Wi-Fi drops or the server restarts: the desk keeps typing and nothing is lost or doubled.</summary>
public sealed class OfflineQueueTests(Stage stage) : IClassFixture<Stage>
{
    [Fact]
    public async Task Pledges_typed_while_the_server_is_down_are_sent_when_it_returns_and_count_once()
    {
        var code = await stage.CreateLiveEventAsync("night-offline");
        var desk = new OperatorConsole(await stage.Browser.OpenAsync(stage.VenueUrl("/operator"), 1440, 900));
        await Browser.AssertOnVenueLanAsync(desk.Page);
        await desk.SignInAsync("night-offline", "desk-1", code);

        await stage.Server.KillAsync();
        await desk.PledgeAsync("100万", "断网企业一");
        await desk.PledgeAsync("20万", "断网企业二");
        await desk.PledgeAsync("3,000", "断网企业三");
        foreach (var name in new[] { "断网企业一", "断网企业二", "断网企业三" })
        {
            await Expect(desk.Entry(name)).ToHaveAttributeAsync("data-state", "queued");
        }

        await Browser.ScreenshotAsync(desk.Page, "operator-offline-queue");
        await stage.Server.RestartAsync(); // on the same port, where the desk's page expects it
        foreach (var name in new[] { "断网企业一", "断网企业二", "断网企业三" })
        {
            await Expect(desk.Entry(name)).ToHaveAttributeAsync("data-state", "confirmed", new() { Timeout = 30_000 });
        }

        var audit = await stage.SettledAuditAsync("night-offline");
        Assert.Equal(3, audit.GetProperty("ledgerPledgeCount").GetInt64());
        Assert.Equal(1_000_000_00 + 200_000_00 + 3_000_00, audit.GetProperty("ledgerTotalFen").GetInt64());
    }
}
