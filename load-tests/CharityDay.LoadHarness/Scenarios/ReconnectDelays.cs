using Microsoft.AspNetCore.SignalR.Client;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// The pages' waits between attempts to bring the live connection back (stage-display's
/// <c>reconnectDelayMs</c>): 0, 1, 2, 5, 10 s, then 10 s for as long as the show runs. The same waits
/// apply to a join (<c>Watch</c>/<c>Follow</c>) that failed on a connection that is up.
/// </summary>
internal sealed class ReconnectDelays : IRetryPolicy
{
    private static readonly TimeSpan[] Delays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public static readonly ReconnectDelays Page = new();

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1; never gives up.</summary>
    public static TimeSpan After(long attempt) => attempt < Delays.Length ? Delays[attempt] : Delays[^1];

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => After(retryContext.PreviousRetryCount);
}
