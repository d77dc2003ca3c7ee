using System.Text;
using CharityDay.Contracts;
using CharityDay.Grains.Ledger;
using CharityDay.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// The running total (public), and the ledger, its CSV export and the audit (admin). The ledger page, the
/// export and the audit are the real night's: rows of a rehearsal are in none of them.
/// </summary>
public static class LedgerApi
{
    private const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{eventId}").WithTags("Ledger");
        events.MapGet("/total", GetTotalAsync).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapGet("/ledger", GetLedgerPageAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapGet("/ledger.csv", ExportCsvAsync).RequireAuthorization(Roles.AdminPolicy)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        events.MapGet("/audit", AuditAsync).RequireAuthorization(Roles.AdminPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        return events;
    }

    private static async Task<Results<Ok<TotalSnapshot>, ProblemHttpResult>> GetTotalAsync(string eventId, EventCatalog catalog, IGrainFactory grains) =>
        await catalog.ExistsAsync(eventId)
            ? TypedResults.Ok(await grains.GetGrain<IEventTotalGrain>(eventId).GetSnapshotAsync())
            : Problems.EventNotFound(eventId);

    private static async Task<Results<Ok<LedgerPage>, ValidationProblem, ProblemHttpResult>> GetLedgerPageAsync(
        string eventId, EventCatalog catalog, IPledgeLedger ledger, long after = 0, int limit = 100,
        string? name = null, string? desk = null, string? channel = null, long? minFen = null, long? maxFen = null, string? from = null, string? to = null)
    {
        var errors = new InputErrors();
        if (after < 0 || limit is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"after ≥ 0，limit 介于 1 与 {MaxPageSize} 之间 (after ≥ 0, 1 ≤ limit ≤ {MaxPageSize})");
        }

        var filter = LedgerFilterQuery.Parse(name, desk, channel, minFen, maxFen, from, to, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var entries = await ledger.SearchAsync(eventId, filter, after, limit);
        return TypedResults.Ok(new LedgerPage(
            [.. entries.Select(LedgerEntryView.From)],
            entries.Count == limit ? entries[^1].EntryNo : null,
            filter == LedgerFilter.None ? null : await ledger.MatchAsync(eventId, filter)));
    }

    private static async Task<IResult> ExportCsvAsync(string eventId, EventCatalog catalog, IPledgeLedger ledger, HttpContext context)
    {
        if (await catalog.CurrentAsync(eventId) is not { } definition)
        {
            return Problems.EventNotFound(eventId);
        }

        var zone = EventTimeZone.Find(definition.TimeZoneOrDefault);
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{eventId}-ledger.csv\"";
        // UTF-8 with a byte-order mark: Excel then opens the Chinese names correctly.
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(LedgerCsv.Header);
        long after = 0;
        while (true)
        {
            var page = await ledger.PageAsync(eventId, after, MaxPageSize, context.RequestAborted);
            foreach (var entry in page)
            {
                await writer.WriteLineAsync(LedgerCsv.Row(entry, zone));
            }

            if (page.Count < MaxPageSize)
            {
                break;
            }

            after = page[^1].EntryNo;
        }

        await writer.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }

    private static async Task<Results<Ok<AuditReport>, ProblemHttpResult>> AuditAsync(
        string eventId, EventCatalog catalog, IGrainFactory grains, IPledgeLedger ledger, TimeProvider clock)
    {
        if (!await catalog.ExistsAsync(eventId))
        {
            return Problems.EventNotFound(eventId);
        }

        var live = await grains.GetGrain<IEventTotalGrain>(eventId).GetSnapshotAsync();
        var sums = await ledger.SumAsync(eventId);

        // The real night only: while in rehearsal the screens show the rehearsal's figures, and real money is none.
        var (liveFen, liveCount) = live.Rehearsal ? (0L, 0L) : (live.TotalFen, live.PledgeCount);
        return TypedResults.Ok(new AuditReport(
            eventId, sums.TotalFen, sums.PledgeCount, sums.EntryCount, liveFen, liveCount, live.Version,
            sums.TotalFen == liveFen && sums.PledgeCount == liveCount, clock.GetUtcNow()));
    }
}
