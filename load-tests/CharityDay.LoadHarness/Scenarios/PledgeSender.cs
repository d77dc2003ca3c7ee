using System.Net.Http.Headers;
using System.Text.Json;
using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Sends pledges and donations of one phase the way real clients do, over plain HTTP: a client-made
/// id, the JSON body, the desk's token. A send answered 5xx, 429 or not at all is sent again with the
/// same id after a short pause, for up to <paramref name="retryFor"/> (the operator console and the phone
/// page keep a pledge until it is confirmed). A share is also sent again after the acknowledgement (a
/// retry) or twice at once (a double tap); every answer lands in the book and the desk's activity.
/// </summary>
internal sealed class PledgeSender(
    HttpClient http, PhaseTarget target, LoadEvent loadEvent, PledgeBook book, RunClock clock, ChannelActivity activity,
    int seed, double duplicates, double concurrentDuplicates, TimeSpan retryFor, DonationPayment payment)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    public async Task SendAsync(ScenarioKind kind, int desk, long sentAt, ScenarioStats stats)
    {
        var id = book.NextId();
        var dice = new Dice(seed, long.Parse(id.AsSpan(id.Length - 8), System.Globalization.CultureInfo.InvariantCulture));
        var pledge = kind == ScenarioKind.Stage ? Stage(id, desk % loadEvent.DeskIds.Count, sentAt, ref dice) : Donation(id, sentAt, ref dice);
        book.Add(pledge);
        var doubleTap = dice.Next() < concurrentDuplicates;
        var retry = dice.Next() < duplicates;
        if (doubleTap)
        {
            await Task.WhenAll(DeliverAsync(pledge, stats), DeliverAsync(pledge, stats));
        }
        else
        {
            await DeliverAsync(pledge, stats);
        }

        if (retry && pledge.Fate == PledgeFate.Acknowledged)
        {
            await PostAsync(pledge, RunClock.Now, RunClock.Now, stats);
        }

        stats.CountOutcome(pledge, clock.SecondsAt(sentAt));
    }

    /// <summary>Sends a pledge again until the server gives a definite answer: the end-of-run settle, out of every figure.</summary>
    public async Task<bool> SettleAsync(SentPledge pledge, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var now = RunClock.Now;
            if (await PostAsync(pledge, now, now, stats: null) is >= 200 and < 500)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    /// <summary>The first send, then same-id retries while the answer is not definite and the retry time lasts.</summary>
    private async Task DeliverAsync(SentPledge pledge, ScenarioStats stats)
    {
        var status = await PostAsync(pledge, pledge.SentAt, pledge.SentAt, stats);
        var giveUpAt = RunClock.Now + (long)(retryFor.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (SentPledge.IsRetryable(status) && RunClock.Now < giveUpAt)
        {
            await Task.Delay(RetryPause);
            stats.CountRetryAttempt();
            // Its latency, once acknowledged, counts from the pledge's first send: what the operator waited.
            status = await PostAsync(pledge, RunClock.Now, pledge.SentAt, stats);
        }
    }

    /// <summary>
    /// One send. <paramref name="startedAt"/> is when it left (or was due to, in the open model),
    /// <paramref name="from"/> where its latency counts from. Without <paramref name="stats"/> (the
    /// end-of-run settle) it is left out of every figure.
    /// </summary>
    private async Task<int> PostAsync(SentPledge pledge, long startedAt, long from, ScenarioStats? stats)
    {
        int status;
        long received = 0;
        try
        {
            (status, received) = pledge.IsDonation && target.KeepsPayments
                ? await payment.GiveAsync(target.DonationsPath(loadEvent.EventId), pledge.Body, () => pledge.MarkPaymentStarted(RunClock.Now))
                : await PostDirectAsync(pledge);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
        }

        // Two halves of a double tap can both see their payment taken: the pledge was still paid once.
        status = status == 201 && pledge.IsDonation && !pledge.TakePayment() ? 200 : status;

        var end = RunClock.Now;
        if (stats is not null)
        {
            stats.At(clock.SecondsAt(end)).RecordRequest(status, RunClock.Milliseconds(from, end), pledge.Body.Length, received);
            activity.Record(pledge.IsDonation ? activity.OnlineChannel : pledge.Desk, startedAt, end, status);
        }

        if (pledge.Answered(status, end))
        {
            book.NoteAcknowledged(pledge);
        }

        return status;
    }

    /// <summary>A stage pledge (or a baseline's donation, which has no payment step): one POST.</summary>
    private async Task<(int Status, long Received)> PostDirectAsync(SentPledge pledge)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pledge.IsDonation ? target.DonationsPath(loadEvent.EventId) : target.PledgesPath(loadEvent.EventId))
        {
            Content = new ByteArrayContent(pledge.Body) { Headers = { ContentType = Json } },
        };
        if (!pledge.IsDonation)
        {
            request.Headers.Authorization = loadEvent.DeskTokens[pledge.Desk];
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    private SentPledge Stage(string id, int desk, long sentAt, ref Dice dice)
    {
        var amount = TierMix.StageAmount(ref dice);
        var anonymous = dice.Next() < 0.1;
        var body = new StageBody(id, loadEvent.DeskIds[desk], amount, TierMix.DonorName(ref dice), "enterprise", anonymous, "代表");
        return new SentPledge(id, isDonation: false, desk, amount, sentAt, JsonSerializer.SerializeToUtf8Bytes(body, HarnessJson.Default.StageBody));
    }

    private static SentPledge Donation(string id, long sentAt, ref Dice dice)
    {
        var amount = TierMix.OnlineAmount(ref dice);
        var anonymous = dice.Next() < 0.5;
        var body = new DonationBody(id, amount, anonymous ? null : "网友" + dice.Below(10_000), anonymous, "加油");
        return new SentPledge(id, isDonation: true, -1, amount, sentAt, JsonSerializer.SerializeToUtf8Bytes(body, HarnessJson.Default.DonationBody));
    }
}
