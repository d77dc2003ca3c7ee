using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// Everything a refused write must leave as it was, read through the API: the ledger (entries and sum,
/// from the audit), the running total, both events' definitions as the admin sees them, the list of
/// events, and the online orders stored (an order never touches the ledger, so it is counted apart).
/// </summary>
internal sealed record WriteState(long LedgerEntries, long LedgerFen, long TotalFen, string MainEvent, string SpareEvent, string EventIds, int Orders, int PaidOrders)
{
    public static async Task<WriteState> ReadAsync(CharityDayApp app, string mainEventId, string spareEventId)
    {
        using var admin = app.Admin();
        using var viewer = app.Anonymous();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{mainEventId}/audit");
        var total = await viewer.GetFromJsonAsync<JsonElement>($"/api/events/{mainEventId}/total");
        var events = await admin.GetFromJsonAsync<JsonElement>("/api/events");
        var orders = await admin.GetFromJsonAsync<JsonElement>($"/api/events/{mainEventId}/donation-orders?all=true&limit=1000");
        return new WriteState(
            audit.GetProperty("ledgerEntryCount").GetInt64(),
            audit.GetProperty("ledgerTotalFen").GetInt64(),
            total.GetProperty("totalFen").GetInt64(),
            await admin.GetStringAsync($"/api/events/{mainEventId}"),
            await admin.GetStringAsync($"/api/events/{spareEventId}"),
            string.Join(",", events.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal)),
            orders.GetProperty("orders").GetArrayLength(),
            orders.GetProperty("paid").GetInt32());
    }

    /// <summary>After a write was taken: read until the running total has caught up with the ledger.</summary>
    public static async Task<WriteState> SettledAsync(CharityDayApp app, string mainEventId, string spareEventId)
    {
        var state = await Eventually.ReadAsync(() => ReadAsync(app, mainEventId, spareEventId), s => s.TotalFen == s.LedgerFen);
        Assert.True(state.TotalFen == state.LedgerFen, $"the total {state.TotalFen} never caught up with the ledger {state.LedgerFen}");
        return state;
    }
}
