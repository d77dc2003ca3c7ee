using System.Threading.RateLimiting;
using CharityDay.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Hubs;

/// <summary>
/// New connections to <c>/hubs/live</c> per client address: <see cref="RateLimitOptions.HubConnectionBurst"/>
/// at once (a hall opening the viewer page when the host says so), then
/// <see cref="RateLimitOptions.HubConnectionsPerSecond"/>. Only the start of a connection counts — a
/// negotiation, or a request without a connection id (a WebSocket opened without negotiating, as the
/// pages do) — never the polls or messages of a connection already open.
/// </summary>
internal sealed class HubConnectionLimit(IOptions<RateLimitOptions> options, RateLimitExemptions exemptions)
{
    public const string Path = "/hubs/live";

    public PartitionedRateLimiter<HttpContext> Limiter { get; } = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        !StartsConnection(context.Request) || exemptions.IsExempt(context)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter(ClientAddress.PartitionKey(context),
                _ => RateLimits.Bucket(options.Value.HubConnectionBurst, options.Value.HubConnectionsPerSecond)));

    private static bool StartsConnection(HttpRequest request) =>
        request.Path.StartsWithSegments(Path, out var rest)
        && (rest.Equals("/negotiate", StringComparison.OrdinalIgnoreCase) || (!rest.HasValue && !request.Query.ContainsKey("id")));
}
