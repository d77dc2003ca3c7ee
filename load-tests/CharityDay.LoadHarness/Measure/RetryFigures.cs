namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// A sender scenario's pledges (sent after the warm-up) and how their first sends compare with where the
/// same-id retries took them: a 503 that the retry turned into an acknowledgement cost the donor nothing.
/// </summary>
/// <param name="Pledges">Distinct pledges sent.</param>
/// <param name="FirstAttemptFailures">Pledges whose first send got a 5xx, 429 or no answer.</param>
/// <param name="RetryAttempts">Sends after a failed one, with the same id.</param>
/// <param name="AcknowledgedAfterRetry">Pledges that failed first and were acknowledged by a retry during the run.</param>
/// <param name="Unresolved">Pledges still without a definite answer when the retries gave up (left to the end-of-run settle).</param>
internal sealed record RetryFigures(long Pledges, long FirstAttemptFailures, long RetryAttempts, long AcknowledgedAfterRetry, long Unresolved)
{
    public static readonly RetryFigures None = new(0, 0, 0, 0, 0);
}
