using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Hosting;

/// <summary>
/// <see cref="RateLimits.DonationOrders"/>: an order passes its client address's bucket
/// (<see cref="RateLimitOptions.DonationOrderBurst"/>, then <see cref="RateLimitOptions.DonationOrdersPerSecond"/>)
/// and then its event's (<see cref="RateLimitOptions.EventOrdersPerSecond"/>). The address is asked
/// first, so one address's refused flood does not use up the event's ceiling for everyone else.
/// </summary>
internal sealed class DonationOrderPolicy : IRateLimiterPolicy<string>, IDisposable
{
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly PartitionedRateLimiter<string> _events;
    private readonly RateLimitExemptions _exemptions;

    public DonationOrderPolicy(IOptions<RateLimitOptions> options, RateLimitExemptions exemptions)
    {
        var limits = options.Value;
        _exemptions = exemptions;
        _addresses = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address,
            _ => RateLimits.Bucket(limits.DonationOrderBurst, limits.DonationOrdersPerSecond)));
        _events = PartitionedRateLimiter.Create<string, string>(eventId => RateLimitPartition.GetTokenBucketLimiter(eventId,
            _ => RateLimits.Bucket(limits.EventOrdersPerSecond, limits.EventOrdersPerSecond)));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null; // the shared 429 writer

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (_exemptions.IsExempt(httpContext))
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }

        var address = ClientAddress.PartitionKey(httpContext);
        var eventId = httpContext.Request.RouteValues["eventId"] as string ?? "";
        // '\n' is in neither an address nor an event id (a slug), so the pair's key is unambiguous.
        return RateLimitPartition.Get(address + "\n" + eventId, _ => new Chained(_addresses, address, _events, eventId));
    }

    public void Dispose()
    {
        _addresses.Dispose();
        _events.Dispose();
    }

    /// <summary>One (address, event) pair: both buckets, the address's first. Idle partitions are dropped by the middleware.</summary>
    private sealed class Chained(PartitionedRateLimiter<string> addresses, string address, PartitionedRateLimiter<string> events, string eventId)
        : RateLimiter
    {
        private long _lastUsed = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
            var byAddress = addresses.AttemptAcquire(address, permitCount);
            if (!byAddress.IsAcquired)
            {
                return byAddress;
            }

            // A token bucket's lease holds nothing to give back; the event's lease answers for both.
            byAddress.Dispose();
            return events.AttemptAcquire(eventId, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }
}
