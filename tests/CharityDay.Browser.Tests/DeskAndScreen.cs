using static Microsoft.Playwright.Assertions;

namespace CharityDay.Browser.Tests;

/// <summary>
/// One event's desk-1 console and its big screen (showing every digit), with every pledge the test
/// typed, so a test can say at the end: all of them are in the ledger, on the screen and at the desk.
/// </summary>
internal sealed class DeskAndScreen(string eventId, OperatorConsole desk, ScreenRecorder screen)
{
    private const string DeskId = "desk-1";

    private readonly List<(string Name, long Fen)> _typed = [];

    public OperatorConsole Desk => desk;

    public ScreenRecorder Screen => screen;

    public IReadOnlyList<(string Name, long Fen)> Typed => _typed;

    public long TypedFen => _typed.Sum(pledge => pledge.Fen);

    /// <summary>Types a pledge of <paramref name="wan"/>万 and confirms it; the console sends it when it can.</summary>
    public async Task TypeAsync(int wan, string donorName)
    {
        await desk.PledgeAsync($"{wan}万", donorName);
        _typed.Add((donorName, wan * 1_000_000L));
    }

    /// <summary>Types a pledge and waits for the server's ack; returns the moment the console took it (Unix ms).</summary>
    public async Task<long> PledgeAsync(int wan, string donorName, TimeSpan? ackWithin = null)
    {
        await TypeAsync(wan, donorName);
        var within = ackWithin ?? TimeSpan.FromSeconds(30);
        await Expect(desk.Entry(donorName)).ToHaveAttributeAsync("data-state", "confirmed", new() { Timeout = (float)within.TotalMilliseconds });
        var stored = (await desk.StoredQueueAsync(eventId, DeskId)).Single(pledge => pledge.Body.DonorName == donorName);
        return stored.ConfirmedAt!.Value.ToUnixTimeMilliseconds();
    }

    /// <summary>Waits until the big screen's total reads <paramref name="fen"/> to the fen.</summary>
    public Task ScreenShowsAsync(long fen, TimeSpan within) =>
        Expect(screen.Page.GetByTestId("total")).ToHaveTextAsync(NightCluster.FullDigits(fen), new() { Timeout = (float)within.TotalMilliseconds });

    /// <summary>
    /// Waits until the console's stored queue holds every typed pledge, confirmed, in the order typed,
    /// each under an id of its own; returns the queue.
    /// </summary>
    public async Task<IReadOnlyList<StoredPledge>> EveryPledgeConfirmedAsync(TimeSpan within)
    {
        var read = await Eventually.ReadAsync(
            async () => new StoredQueue(await desk.StoredQueueAsync(eventId, DeskId)),
            queue => queue.Entries.Count == _typed.Count && queue.Entries.All(pledge => pledge.State == "confirmed"),
            $"the desk's {_typed.Count} pledges to be confirmed",
            within);
        Assert.Equal(_typed.Select(pledge => pledge.Name), read.Entries.Select(pledge => pledge.Body.DonorName));
        Assert.Equal(_typed.Select(pledge => pledge.Fen), read.Entries.Select(pledge => pledge.Body.AmountFen));
        Assert.Equal(read.Entries.Count, read.Entries.Select(pledge => pledge.Id).Distinct().Count());
        return read.Entries;
    }

    /// <summary>The console says all is confirmed, and its list of this desk's pledges (from the server) is the queue, each once.</summary>
    public async Task DeskShowsEveryPledgeAsync(IReadOnlyList<StoredPledge> queue)
    {
        await Expect(desk.QueueStatus).ToHaveAttributeAsync("data-state", "ok");
        await Expect(desk.DeskPledges).ToHaveCountAsync(queue.Count, new() { Timeout = 15_000 });
        var listed = await desk.DeskPledges.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.pledgeId + ' ' + row.dataset.status)");
        Assert.Equal(queue.Select(pledge => pledge.Id + " confirmed").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    /// <summary>A read of the stored queue that says what it holds when a wait for it fails.</summary>
    private sealed record StoredQueue(IReadOnlyList<StoredPledge> Entries)
    {
        public override string ToString() => string.Join(", ", Entries.Select(pledge => $"{pledge.Body.DonorName} {pledge.State} ({pledge.Attempts} sends)"));
    }
}
