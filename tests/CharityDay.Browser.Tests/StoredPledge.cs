using System.Text.Json;

namespace CharityDay.Browser.Tests;

/// <summary>One entry of the operator console's stored offline queue (<c>queue.ts</c>'s QueueEntry).</summary>
internal sealed record StoredPledge(string Id, string State, int Attempts, DateTimeOffset? ConfirmedAt, StoredPledge.Typed Body)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What the operator typed.</summary>
    public sealed record Typed(long AmountFen, string DonorName);
}
