using System.Globalization;
using System.Text.Json;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Scenarios;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Check;

/// <summary>
/// The end-of-phase proof: outcomes left unknown (503, timeout) are settled by retrying with the same
/// id, as a client would; then the distinct acknowledged pledges must add up exactly to the server's
/// live total, the audit's ledger figures, and what every connected big screen and phone ends up showing.
/// </summary>
internal sealed class CorrectnessCheck(PhaseTarget target, HttpClient admin, LoadEvent loadEvent, PledgeBook book, PledgeSender sender)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    /// <summary>As long for live connections: a screen on a node restarted at the end reconnects within the pages' 10 s wait.</summary>
    private static readonly TimeSpan AudienceQuiet = TimeSpan.FromSeconds(30);

    /// <summary>Every big screen as the check left it (the real phase only).</summary>
    public List<ScreenFinal> Screens { get; } = [];

    public async Task<List<CheckOutcome>> RunAsync(IReadOnlyList<ViewerFleet> fleets)
    {
        var checks = new List<CheckOutcome>();
        var unknown = book.All.Where(p => p.Fate is PledgeFate.Unknown or PledgeFate.Pending).ToList();
        var settled = 0;
        await Parallel.ForEachAsync(unknown, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (pledge, _) =>
        {
            if (await sender.SettleAsync(pledge, TimeSpan.FromSeconds(30)))
            {
                Interlocked.Increment(ref settled);
            }
        });
        Add(checks, "unknown outcomes settled by a same-id retry", settled == unknown.Count, $"{settled} of {unknown.Count} settled");

        var (totalFen, count) = book.Acknowledged();
        var expected = $"{count} pledges, {totalFen} fen";
        var conflicts = book.All.Count(p => p.Conflicts > 0);
        var refused = book.All.Count(p => p.Fate == PledgeFate.Refused);
        Add(checks, "a same-content retry is never refused (409)", conflicts == 0, $"{conflicts} ids refused");
        Add(checks, "no pledge refused (4xx)", refused == 0, $"{refused} refused of {book.Count}");
        if (target.KeepsState)
        {
            var twice = book.All.Count(p => p.Created > 1);
            var retried = book.All.Count(p => p.Created + p.Replayed > 1);
            Add(checks, "each id created once however often sent", twice == 0, $"{twice} ids answered 201 twice; {retried} ids sent more than once");
        }

        if (target == PhaseTarget.Real)
        {
            var (total, totalProblem) = await SettledTotalAsync($"/api/events/{loadEvent.EventId}/total", totalFen, count);
            Add(checks, "live total = acknowledged", total is { } live && Matches(live, "totalFen", "pledgeCount", totalFen, count),
                total is { } shown ? $"expected {expected}; server {Figures(shown, "totalFen", "pledgeCount")}" : $"expected {expected}; {totalProblem}");
            var (audit, auditProblem) = await ServerFigures.ReadAsync(admin, $"/api/events/{loadEvent.EventId}/audit", Quiet, _ => true);
            Add(checks, "audit ledger = acknowledged and agrees",
                audit is { } a && Matches(a, "ledgerTotalFen", "ledgerPledgeCount", totalFen, count) && a.GetProperty("agrees").GetBoolean(),
                audit is { } read
                    ? $"expected {expected}; ledger {Figures(read, "ledgerTotalFen", "ledgerPledgeCount")}, live {Figures(read, "liveTotalFen", "livePledgeCount")}, agrees {read.GetProperty("agrees").GetBoolean()}"
                    : $"expected {expected}; {auditProblem}");
            foreach (var (audience, label) in new[] { (ScenarioKind.Screens, "big screen"), (ScenarioKind.Viewers, "phone") })
            {
                var held = fleets.Where(f => f.Audience == audience).ToList();
                var connections = held.SelectMany(f => f.Viewers).ToList();
                if (connections.Count == 0)
                {
                    continue;
                }

                // Each audience has its own pushes, so each must reach the final total on its own, and so must
                // each client kind reading them. The few big screens must all be connected (their connects
                // fall in the warm-up, which no figure counts).
                foreach (var kind in connections.GroupBy(v => v.Client))
                {
                    var behind = await BehindAsync(kind, totalFen, everyOne: audience == ScenarioKind.Screens);
                    var connected = kind.Count(v => v.IsConnected);
                    var enough = audience == ScenarioKind.Screens ? connected == kind.Count() : connected > 0;
                    var client = kind.Key == PhoneClient.Light ? "light client" : "SignalR client";
                    Add(checks, $"every connected {label} ({client}) shows the final total", behind == 0 && enough,
                        $"{behind} of {connected} connected ({kind.Count()} held) behind");
                }

                var regressions = held.Sum(f => f.Stats.VersionRegressions);
                Add(checks, $"no {label} sees an older version after a newer one", regressions == 0, $"{regressions} regressions");
            }

            foreach (var fleet in fleets.Where(f => f.Audience == ScenarioKind.Screens))
            {
                Screens.AddRange(fleet.Viewers.Select((v, i) => new ScreenFinal(fleet.Stats.Name, i + 1, v.Target.Name, v.IsConnected,
                    v.Shown?.TotalFen, v.Shown?.PledgeCount, v.Shown?.Version, totalFen, count, v.Observer.Reconnects, v.Observer.LongestPushGapMs)));
            }

            // Spread over several nodes, each node's screens must reach the total on their own.
            var targets = Screens.GroupBy(s => s.Target).ToList();
            foreach (var node in targets.Where(_ => targets.Count > 1))
            {
                var off = node.Where(s => !s.ShowsAcknowledged).Select(s => $"{s.Scenario} #{s.Index}").ToList();
                Add(checks, $"every big screen on {node.Key} shows the acknowledged total", off.Count == 0,
                    off.Count == 0 ? $"{node.Count()} screens show {expected}" : $"{string.Join(", ", off)} of {node.Count()} do not");
            }
        }
        else if (target == PhaseTarget.Naive)
        {
            var (total, problem) = await SettledTotalAsync($"/api/baselines/naive/events/{loadEvent.EventId}/total", totalFen, count);
            Add(checks, "naive totals row = acknowledged", total is { } naive && Matches(naive, "totalFen", "pledgeCount", totalFen, count),
                total is { } shown ? $"expected {expected}; naive {Figures(shown, "totalFen", "pledgeCount")}" : $"expected {expected}; {problem}");
        }

        return checks;
    }

    /// <summary>The total may trail the last acknowledgement by one desk report: poll until it matches or the deadline passes.</summary>
    private Task<(JsonElement? Json, string Problem)> SettledTotalAsync(string path, long totalFen, long count) =>
        ServerFigures.ReadAsync(admin, path, Quiet, total => Matches(total, "totalFen", "pledgeCount", totalFen, count));

    /// <summary>Connected viewers not showing the total once it settled (with <paramref name="everyOne"/>, each must also be connected again).</summary>
    private static async Task<int> BehindAsync(IEnumerable<ILiveViewer> viewers, long totalFen, bool everyOne)
    {
        var deadline = DateTime.UtcNow + AudienceQuiet;
        while (true)
        {
            var behind = viewers.Count(v => v.IsConnected && v.Shown?.TotalFen != totalFen);
            if (everyOne && behind == 0 && viewers.Any(v => !v.IsConnected) && DateTime.UtcNow <= deadline)
            {
                await Task.Delay(200);
                continue;
            }

            if (behind == 0 || DateTime.UtcNow > deadline)
            {
                return behind;
            }

            await Task.Delay(200);
        }
    }

    private static bool Matches(JsonElement json, string totalName, string countName, long totalFen, long count) =>
        json.GetProperty(totalName).GetInt64() == totalFen && json.GetProperty(countName).GetInt64() == count;

    private static string Figures(JsonElement json, string totalName, string countName) =>
        string.Create(CultureInfo.InvariantCulture, $"{json.GetProperty(countName).GetInt64()} pledges, {json.GetProperty(totalName).GetInt64()} fen");

    private void Add(List<CheckOutcome> checks, string name, bool passed, string detail) => checks.Add(new CheckOutcome(target.Name, name, passed, detail));
}
