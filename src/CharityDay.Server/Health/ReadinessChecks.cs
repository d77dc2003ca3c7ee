using CharityDay.Grains.Storage;
using CharityDay.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CharityDay.Server.Health;

/// <summary>Not ready from the moment a graceful stop begins.</summary>
internal sealed class NotStoppingCheck(ShutdownDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());
}

/// <summary>Ready only once this node's silo is an active member of the cluster.</summary>
internal sealed class SiloJoinedCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}"));
    }
}

/// <summary>Ready only while the database takes a write: one row per node, overwritten by every check.</summary>
internal sealed class DatabaseWriteCheck(LedgerDatabase database, ILocalSiloDetails silo) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO node_health (node, checked_at) VALUES (@node, @at)
                ON CONFLICT (node) DO UPDATE SET checked_at = excluded.checked_at
                """;
            Add(command, "@node", silo.SiloAddress.Endpoint.ToString());
            Add(command, "@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the database takes no write: {error.Message}");
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>Embedded only: ready only while the SQLite file at the path is the one the server writes to.</summary>
internal sealed class DatabaseFileCheck(DatabaseFileGuard guard) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(guard.Check() is { } fault
            ? HealthCheckResult.Unhealthy($"{fault}; restore it and restart the server")
            : HealthCheckResult.Healthy());
}

/// <summary>Ready only while Redis, where the nodes find each other, answers.</summary>
internal sealed class RedisAnswersCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {error.Message}");
        }
    }
}
