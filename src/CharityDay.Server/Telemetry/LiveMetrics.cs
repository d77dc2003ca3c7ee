using System.Diagnostics;
using System.Diagnostics.Metrics;
using CharityDay.Grains;

namespace CharityDay.Server.Telemetry;

/// <summary>
/// Meter <c>CharityDay.Live</c>: the pushes this node writes to its SignalR groups, how long each takes
/// to go out to the group's sockets, and the hub connections open on this node by what they watch.
/// Pushes are counted per group send (one per event and audience tick), not per socket: multiply by
/// the connections to get messages.
/// </summary>
internal static class LiveMetrics
{
    private const int Joining = 0;

    private static readonly Meter Meter = new("CharityDay.Live");

    private static readonly double[] PushBounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    // Open connections by slot: Joining (connected, not watching an event yet), then one per audience.
    private static readonly long[] Open = new long[3];

    public static readonly Counter<long> Pushes = Meter.CreateCounter<long>(
        "charityday.live.pushes", unit: "{push}", description: "Pushes this node sent to an event's group, by audience (screens, viewers)");

    public static readonly Histogram<double> PushDuration = Meter.CreateHistogram(
        "charityday.live.push_duration",
        unit: "s",
        description: "Time to hand one push to every connection of its group on this node, by audience",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PushBounds });

    public static readonly ObservableUpDownCounter<long> Connections = Meter.CreateObservableUpDownCounter(
        "charityday.live.connections",
        ObserveConnections,
        unit: "{connection}",
        description: "Live hub connections open on this node, by audience (none: connected, not watching yet)");

    /// <summary>Sends one push through <paramref name="send"/>, then counts and times it; a failed send is not counted.</summary>
    public static async Task SendPushAsync(LiveAudience audience, Func<Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        await send();
        var tag = new KeyValuePair<string, object?>("audience", NameOf(audience));
        PushDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        Pushes.Add(1, tag);
    }

    public static void ConnectionOpened() => Interlocked.Increment(ref Open[Joining]);

    public static void ConnectionJoined(LiveAudience audience)
    {
        Interlocked.Increment(ref Open[SlotOf(audience)]);
        Interlocked.Decrement(ref Open[Joining]);
    }

    public static void ConnectionClosed(LiveAudience? audience) => Interlocked.Decrement(ref Open[audience is { } joined ? SlotOf(joined) : Joining]);

    private static int SlotOf(LiveAudience audience) => 1 + (int)audience;

    private static string NameOf(LiveAudience audience) => audience switch
    {
        LiveAudience.Screens => "screens",
        LiveAudience.Viewers => "viewers",
        _ => "other",
    };

    private static IEnumerable<Measurement<long>> ObserveConnections() =>
    [
        new(Interlocked.Read(ref Open[Joining]), new KeyValuePair<string, object?>("audience", "none")),
        new(Interlocked.Read(ref Open[SlotOf(LiveAudience.Screens)]), new KeyValuePair<string, object?>("audience", NameOf(LiveAudience.Screens))),
        new(Interlocked.Read(ref Open[SlotOf(LiveAudience.Viewers)]), new KeyValuePair<string, object?>("audience", NameOf(LiveAudience.Viewers))),
    ];
}
