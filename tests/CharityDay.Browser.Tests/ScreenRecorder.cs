using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace CharityDay.Browser.Tests;

/// <summary>
/// Watches a big screen from inside the page, the way a camera on the wall would: every change of its
/// connection state (live, polling, disconnected) and the first moment each donor name and each total
/// appeared, with the browser's clock. A state that lasts a few milliseconds is still on the record,
/// and the times compare with the operator console's own acknowledgement times (same machine clock).
/// </summary>
internal sealed class ScreenRecorder
{
    // The screen page shows its state this way: the connection badge hidden while live, the body
    // dimmed (is-stale) while disconnected, the badge marked is-polling while it polls.
    private const string Script = """
        () => {
          const connection = document.querySelector('[data-testid=connection]');
          const total = document.querySelector('[data-testid=total]');
          const log = window.__night = { statuses: [], names: {}, totals: {}, shown: [], versions: [] };
          const changed = (list, value) => { if (list[list.length - 1] !== value) list.push(value); };
          const status = () => connection.hidden ? 'live'
            : document.body.classList.contains('is-stale') ? 'disconnected'
            : connection.classList.contains('is-polling') ? 'polling' : 'unknown';
          const look = () => {
            const now = Date.now();
            const current = status();
            if (log.statuses.length === 0 || log.statuses[log.statuses.length - 1].status !== current) {
              log.statuses.push({ status: current, at: now });
            }
            for (const name of document.querySelectorAll('[data-testid=feed-name]')) {
              log.names[name.textContent] ??= now;
            }
            log.totals[total.textContent] ??= now;
            changed(log.shown, total.textContent);
            changed(log.versions, Number(document.body.dataset.version ?? -1));
          };
          look();
          new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ScreenRecorder(IPage page) => Page = page;

    public IPage Page { get; }

    public static async Task<ScreenRecorder> StartAsync(IPage page)
    {
        await page.EvaluateAsync(Script);
        return new ScreenRecorder(page);
    }

    /// <summary>Every state the screen showed since recording began, oldest first.</summary>
    public async Task<IReadOnlyList<StatusChange>> StatusesAsync() =>
        JsonSerializer.Deserialize<StatusChange[]>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.__night.statuses)"), Json)!;

    /// <summary>When a donor name first showed in the feed (Unix ms), or null if it never has.</summary>
    public Task<long?> NameSeenAtAsync(string donorName) => SeenAtAsync("names", donorName);

    /// <summary>When the total first read exactly <paramref name="text"/> (Unix ms), or null if it never has.</summary>
    public Task<long?> TotalSeenAtAsync(string text) => SeenAtAsync("totals", text);

    /// <summary>
    /// Fails if the screen ever went back: a total (read as fen, from a screen showing every digit)
    /// below one it showed before, or a state version older than one it had. No test voids, so the
    /// room must only ever see the total climb.
    /// </summary>
    public async Task AssertNeverWentBackAsync()
    {
        var shown = JsonSerializer.Deserialize<string[]>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.__night.shown)"), Json)!;
        var versions = JsonSerializer.Deserialize<long[]>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.__night.versions)"), Json)!;
        var fen = shown.Select(text => long.Parse(text.TrimStart('¥').Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        for (var i = 1; i < fen.Count; i++)
        {
            Assert.True(fen[i] >= fen[i - 1], $"the big screen went back from {shown[i - 1]} to {shown[i]}");
        }

        for (var i = 1; i < versions.Length; i++)
        {
            Assert.True(versions[i] > versions[i - 1], $"the big screen took version {versions[i]} after version {versions[i - 1]}");
        }
    }

    /// <summary>Waits until the screen shows <paramref name="status"/> at or after <paramref name="since"/> (Unix ms); returns that change.</summary>
    public async Task<StatusChange> WaitForStatusAsync(string status, long since, TimeSpan within)
    {
        var read = await Eventually.ReadAsync(
            async () => new Shown(await StatusesAsync(), since),
            seen => seen.Changes.Any(change => change.Status == status && change.At >= since),
            $"the big screen to show '{status}'",
            within);
        return read.Changes.First(change => change.Status == status && change.At >= since);
    }

    /// <summary>The states shown from <paramref name="from"/> (Unix ms) on, after the one on show then: <c>live → disconnected (+93 ms) → live (+188 ms)</c>.</summary>
    public static string Describe(IReadOnlyList<StatusChange> statuses, long from)
    {
        var before = statuses.LastOrDefault(change => change.At < from);
        var since = statuses.Where(change => change.At >= from).Select(change => $"{change.Status} (+{change.At - from} ms)");
        return string.Join(" → ", before is null ? since : since.Prepend(before.Status));
    }

    private async Task<long?> SeenAtAsync(string table, string key)
    {
        var at = await Page.EvaluateAsync<double?>("([table, key]) => window.__night[table][key] ?? null", new[] { table, key });
        return at is { } ms ? (long)ms : null;
    }

    public sealed record StatusChange(string Status, long At);

    /// <summary>A read of the states that says what they were when a wait for one fails.</summary>
    private sealed record Shown(IReadOnlyList<StatusChange> Changes, long Since)
    {
        public override string ToString() => Describe(Changes, Since);
    }
}
