using System.Net.Http.Headers;
using System.Text.Json;
using CharityDay.LoadHarness.Load;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Sends pledges and donations of one phase the way real clients do, over plain HTTP: a client-made
/// id, the JSON body, the desk's token. A share of them is sent again with the same id after the
/// acknowledgement (a retry) or twice at once (a double tap); every answer lands in the book.
/// </summary>
internal sealed class PledgeSender(
    HttpClient http, PhaseTarget target, LoadEvent loadEvent, PledgeBook book, RunClock clock, int seed, double duplicates, double concurrentDuplicates)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

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
            await Task.WhenAll(PostAsync(pledge, sentAt, stats), PostAsync(pledge, sentAt, stats));
        }
        else
        {
            await PostAsync(pledge, sentAt, stats);
        }

        if (retry && pledge.Fate == PledgeFate.Acknowledged)
        {
            await PostAsync(pledge, RunClock.Now, stats);
        }
    }

    /// <summary>Sends a pledge again until the server gives a definite answer: what a client does after a 503 or a timeout.</summary>
    public async Task<bool> SettleAsync(SentPledge pledge, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await PostAsync(pledge, RunClock.Now, stats: null) is >= 200 and < 500)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private async Task<int> PostAsync(SentPledge pledge, long from, ScenarioStats? stats)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pledge.IsDonation ? target.DonationsPath(loadEvent.EventId) : target.PledgesPath(loadEvent.EventId))
        {
            Content = new ByteArrayContent(pledge.Body) { Headers = { ContentType = Json } },
        };
        if (!pledge.IsDonation)
        {
            request.Headers.Authorization = loadEvent.DeskTokens[pledge.Desk];
        }

        int status;
        long received = 0;
        try
        {
            using var response = await http.SendAsync(request);
            received = (await response.Content.ReadAsByteArrayAsync()).Length;
            status = (int)response.StatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
        }

        var end = RunClock.Now;
        stats?.At(clock.SecondsAt(end)).RecordRequest(status, RunClock.Milliseconds(from, end), pledge.Body.Length, received);
        pledge.Answered(status);
        return status;
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
