using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CharityDay.Server.Health;

/// <summary>
/// Logs when this node becomes ready or stops being ready, with the reason, once per change: the
/// balancer asks every second, and a line per question would bury the one that matters.
/// </summary>
internal sealed class ReadinessLog(ILogger<ReadinessLog> logger)
{
    private readonly Lock _gate = new();
    private string? _last;

    public void Note(HealthReport report)
    {
        var reasons = string.Join("; ", HealthHostingExtensions.Describe(report)
            .Where(check => check.Value != "healthy")
            .Select(check => $"{check.Key} {check.Value}"));
        lock (_gate)
        {
            if (reasons == _last)
            {
                return;
            }

            _last = reasons;
        }

        if (reasons.Length == 0)
        {
            logger.LogInformation("This node is ready");
        }
        else
        {
            logger.LogWarning("This node is not ready: {Reasons}", reasons);
        }
    }
}
