using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>The operator console as an operator uses it: sign in, type, confirm.</summary>
internal sealed class OperatorConsole(IPage page)
{
    public IPage Page { get; } = page;

    public async Task SignInAsync(string eventId, string deskId, string accessCode)
    {
        await Page.GetByTestId("login-event").FillAsync(eventId);
        await Page.GetByTestId("login-desk").FillAsync(deskId);
        await Page.GetByTestId("login-code").FillAsync(accessCode);
        await Page.GetByTestId("login-submit").ClickAsync();
        await Expect(Page.GetByTestId("amount")).ToBeVisibleAsync();
    }

    /// <summary>The read-back dialog that 录入 opens.</summary>
    public ILocator Confirm => Page.GetByTestId("confirm");

    /// <summary>Types a pledge and presses 录入, up to the read-back; nothing is stored yet.</summary>
    public async Task TypeAsync(string amount, string donorName, string kind = "enterprise")
    {
        await Page.GetByTestId("amount").FillAsync(amount);
        await Page.GetByTestId("donor-name").FillAsync(donorName);
        await Page.GetByTestId("donor-kind").SelectOptionAsync(kind);
        await Page.GetByTestId("submit").ClickAsync();
        await Expect(Confirm).ToBeVisibleAsync();
    }

    /// <summary>Types a pledge and confirms it; returns the capital-numeral text the dialog showed.</summary>
    public async Task<string> PledgeAsync(string amount, string donorName, string kind = "enterprise")
    {
        await TypeAsync(amount, donorName, kind);
        var confirm = Confirm;
        var capital = await Page.GetByTestId("confirm-capital").TextContentAsync() ?? "";
        await Page.GetByTestId("confirm-ok").ClickAsync();
        try
        {
            await Expect(confirm).ToBeHiddenAsync();
        }
        catch (PlaywrightException)
        {
            // The dialog stays open when the pledge could not be stored: say why, not just "visible".
            Assert.Fail($"The confirmation stayed open: {await confirm.GetByRole(AriaRole.Alert).TextContentAsync()}");
        }

        return capital;
    }

    /// <summary>The "this desk's pledges" list, as the console last fetched it from the server.</summary>
    public ILocator DeskPledges => Page.GetByTestId("desk-pledge");

    /// <summary>The chip that sums up the queue (data-state ok, pending, offline, signedOut or rejected).</summary>
    public ILocator QueueStatus => Page.Locator(".status-chip");

    /// <summary>
    /// The offline queue as the console keeps it on the device (localStorage): every pledge typed at
    /// this desk, oldest first, with its id, state, attempts and, once confirmed, the moment of the ack.
    /// </summary>
    public async Task<IReadOnlyList<StoredPledge>> StoredQueueAsync(string eventId, string deskId)
    {
        var stored = await Page.EvaluateAsync<string?>("key => localStorage.getItem(key)", $"charityday.queue.{eventId}.{deskId}");
        return stored is null ? [] : JsonSerializer.Deserialize<StoredPledge[]>(stored, StoredPledge.Json)!;
    }

    public ILocator Entry(string donorName) =>
        Page.GetByTestId("queue-entry").Filter(new LocatorFilterOptions { Has = Page.GetByTestId("queue-name").GetByText(donorName, new LocatorGetByTextOptions { Exact = true }) });
}
