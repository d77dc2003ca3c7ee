using Microsoft.Playwright;

namespace CharityDay.Browser.Tests;

/// <summary>The admin console as the event admin uses it, from the back office (loopback).</summary>
internal sealed class AdminConsole(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The selected event's status badge; its <c>data-status</c> is draft, live or closed.</summary>
    public ILocator Status => Page.GetByTestId("event-status");

    /// <summary>Opens the console, signs in with the admin key and selects the event.</summary>
    public static async Task<AdminConsole> OpenAsync(Stage stage, string eventId)
    {
        var admin = new AdminConsole(await stage.Browser.OpenAsync(stage.Url("/admin"), 1440, 900));
        await admin.Page.GetByTestId("admin-key").FillAsync(ServerProcess.TestAdminKey);
        await admin.Page.GetByTestId("admin-login").ClickAsync();
        await admin.Page.Locator($"[data-testid=event-link][data-event-id='{eventId}']").ClickAsync();
        return admin;
    }
}
