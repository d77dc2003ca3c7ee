using System.Text.Json;
using CharityDay.LoadHarness.Measure;
using CharityDay.LoadHarness.Target;

namespace CharityDay.LoadHarness.Report;

/// <summary>The small shapes <c>summary.json</c> repeats: a latency summary, a hub target, a number that may be null.</summary>
internal static class JsonFields
{
    public static void Latency(Utf8JsonWriter json, string name, LatencySummary latency)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", latency.Count);
        foreach (var (field, value) in new[] { ("p50Ms", latency.P50), ("p95Ms", latency.P95), ("p99Ms", latency.P99), ("maxMs", latency.Max) })
        {
            json.WriteNumber(field, Math.Round(value, 1));
        }

        json.WriteEndObject();
    }

    public static void WriteTarget(Utf8JsonWriter json, HubTarget target)
    {
        json.WriteString("target", target.Name);
        Nullable(json, "node", target.Node);
    }

    /// <summary>An exact whole number (fen, counts, versions), or null.</summary>
    public static void Nullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Math.Round(number, 2));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
