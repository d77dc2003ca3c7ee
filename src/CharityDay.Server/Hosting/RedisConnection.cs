using StackExchange.Redis;

namespace CharityDay.Server.Hosting;

/// <summary>
/// This node's own connection to the cluster's Redis, for the start-up check and the readiness check
/// (Orleans' clustering keeps its own). It reconnects by itself after an outage.
/// </summary>
internal sealed class RedisConnection(ClusterSettings cluster) : IAsyncDisposable
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(cluster.RedisConnectionString!));

    /// <summary>Where Redis is, for messages (never the password).</summary>
    public string Endpoints { get; } = string.Join(", ", ConfigurationOptions.Parse(cluster.RedisConnectionString!).EndPoints);

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var connection = await _connection.Value.WaitAsync(PingTimeout, cancellationToken);
        await connection.GetDatabase().PingAsync().WaitAsync(PingTimeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false; // keep trying in the background instead of failing for good
        options.ConnectTimeout = 2_000;
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}

/// <summary>Stops the start, with the reason, when Redis does not answer: without it the node cannot find the cluster.</summary>
internal sealed class RedisStartCheck(RedisConnection redis, ILogger<RedisStartCheck> logger) : IHostedService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await redis.PingAsync(cancellationToken);
                logger.LogInformation("Redis at {Endpoints} answers: joining the cluster", redis.Endpoints);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        $"Redis at {redis.Endpoints} (ConnectionStrings:Redis) did not answer within {Patience.TotalSeconds:0} s: {error.Message.TrimEnd('.')}. " +
                        "The nodes find each other there: start Redis or correct the setting.", error);
                }

                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
