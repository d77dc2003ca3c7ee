using Microsoft.Playwright;

namespace CharityDay.Browser.Tests;

/// <summary>The admin console as the event admin uses it, from the back office (loopback) or the venue's LAN name.</summary>
internal sealed class AdminConsole(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The selected event's status badge; its <c>data-status</c> is draft, rehearsal, live or closed.</summary>
    public ILocator Status => Page.GetByTestId("event-status");

    /// <summary>The pledge's own ledger row (not its void); <c>data-voided</c> says whether a void cancelled it.</summary>
    public ILocator PledgeRow(string pledgeId) => Page.Locator($"[data-testid=ledger-row][data-kind=pledge][data-pledge-id='{pledgeId}']");

    /// <summary>The void entry that cancels the pledge.</summary>
    public ILocator VoidRow(string pledgeId) => Page.Locator($"[data-testid=ledger-row][data-kind=void][data-pledge-id='{pledgeId}']");

    /// <summary>The line of the by-desk-and-channel table for a stage desk.</summary>
    public ILocator DeskTally(string deskId) => Page.Locator($"[data-testid=tally-row][data-desk-id='{deskId}']");

    /// <summary>The one line of online giving in the by-desk-and-channel table.</summary>
    public ILocator OnlineTally => Page.Locator("[data-testid=tally-row][data-channel=online]");

    /// <summary>Opens the console on loopback, signs in with the admin key and selects the event.</summary>
    public static Task<AdminConsole> OpenAsync(Stage stage, string eventId) => OpenAsync(stage, eventId, stage.Url("/admin"));

    /// <summary>The same on the venue's plain-HTTP LAN name (not a secure context).</summary>
    public static Task<AdminConsole> OpenOnVenueAsync(Stage stage, string eventId) => OpenAsync(stage, eventId, stage.VenueUrl("/admin"));

    private static async Task<AdminConsole> OpenAsync(Stage stage, string eventId, Uri url)
    {
        var admin = new AdminConsole(await stage.Browser.OpenAsync(url, 1440, 900));
        await admin.Page.GetByTestId("admin-key").FillAsync(ServerProcess.TestAdminKey);
        await admin.Page.GetByTestId("admin-login").ClickAsync();
        await admin.Page.Locator($"[data-testid=event-link][data-event-id='{eventId}']").ClickAsync();
        return admin;
    }

    /// <summary>Presses 作废 on the pledge's row and sends the reason from the dialog.</summary>
    public async Task VoidAsync(string pledgeId, string reason)
    {
        var dialog = Page.GetByTestId("ledger-void-dialog");
        if (!await dialog.IsVisibleAsync())
        {
            await PledgeRow(pledgeId).GetByTestId("ledger-void").ClickAsync();
        }

        await dialog.GetByTestId("ledger-void-reason").FillAsync(reason);
        await dialog.GetByTestId("ledger-void-ok").ClickAsync();
    }
}
