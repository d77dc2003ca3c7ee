using System.Globalization;
using CharityDay.LoadHarness.Load;

namespace CharityDay.LoadHarness.Chaos;

/// <summary>
/// One timed fault of a <c>--chaos</c> plan, as written (<c>kill-node:busiest@10s</c>): what, on which node
/// (a number, or the busiest at that moment), when from the start of the measured run, and for how long.
/// </summary>
internal sealed record ChaosFault(string Text, ChaosFaultKind Kind, int? Node, bool Busiest, TimeSpan At, TimeSpan? For)
{
    /// <summary>Reads one item of the plan; <paramref name="nodes"/> is the cluster's node count.</summary>
    public static ChaosFault Parse(string text, int nodes)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0)
        {
            throw new ArgumentException($"--chaos item '{text}' needs a time: e.g. kill-node:2@10s.");
        }

        var (what, when) = (text[..at], text[(at + 1)..]);
        var plus = when.IndexOf('+', StringComparison.Ordinal);
        var start = Durations.Parse(plus < 0 ? when : when[..plus]);
        TimeSpan? length = plus < 0 ? null : Durations.Parse(when[(plus + 1)..]);
        var colon = what.IndexOf(':', StringComparison.Ordinal);
        var (name, argument) = colon < 0 ? (what, null) : (what[..colon], what[(colon + 1)..]);
        var kind = name switch
        {
            "kill-node" => ChaosFaultKind.KillNode,
            "restart-node" => ChaosFaultKind.RestartNode,
            "rolling-restart" => ChaosFaultKind.RollingRestart,
            "restart-postgres" => ChaosFaultKind.RestartPostgres,
            "stop-redis" => ChaosFaultKind.StopRedis,
            _ => throw new ArgumentException(
                $"--chaos: unknown fault '{name}' (kill-node:N|busiest, restart-node:N, rolling-restart, restart-postgres, stop-redis@T+D)."),
        };

        var takesNode = kind is ChaosFaultKind.KillNode or ChaosFaultKind.RestartNode;
        if (takesNode != (argument is not null))
        {
            throw new ArgumentException(takesNode ? $"--chaos: {name} needs a node: {name}:2@10s." : $"--chaos: {name} takes no node ('{text}').");
        }

        if ((kind == ChaosFaultKind.StopRedis) != (length is not null))
        {
            throw new ArgumentException(kind == ChaosFaultKind.StopRedis
                ? $"--chaos: stop-redis needs how long Redis stays down: stop-redis@20s+10s."
                : $"--chaos: only stop-redis takes +D ('{text}').");
        }

        var busiest = argument == "busiest" && kind == ChaosFaultKind.KillNode;
        int? node = null;
        if (takesNode && !busiest)
        {
            node = int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= nodes
                ? number
                : throw new ArgumentException($"--chaos: '{argument}' in '{text}' is not a node of the cluster (1–{nodes}{(kind == ChaosFaultKind.KillNode ? " or busiest" : "")}).");
        }

        return new ChaosFault(text, kind, node, busiest, start, length);
    }

    public override string ToString() => Text;
}
