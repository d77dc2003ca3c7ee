using System.Diagnostics.Metrics;
using CharityDay.Contracts;

namespace CharityDay.Grains.Moderation;

/// <summary>
/// Meter <c>CharityDay.Moderation</c>: the moderator's decisions by kind. Tagged by state only, never
/// by event, pledge or name: a metric carries no donor's words.
/// </summary>
internal static class ModerationMetrics
{
    private static readonly Meter Meter = new("CharityDay.Moderation");

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("charityday.moderation.decisions", description: "Moderation decisions stored");

    public static void Decided(ModerationState state, bool renamed) =>
        Decisions.Add(1, new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("renamed", renamed));
}
