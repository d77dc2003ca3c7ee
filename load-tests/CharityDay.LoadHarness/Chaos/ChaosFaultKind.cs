namespace CharityDay.LoadHarness.Chaos;

/// <summary>What a fault of a <c>--chaos</c> plan does to the local cluster (each through <c>deploy/local-cluster.sh</c>).</summary>
internal enum ChaosFaultKind
{
    /// <summary><c>kill-node:N</c> or <c>kill-node:busiest</c>: SIGKILL, a power cut; back only if the plan restarts it (or at the end).</summary>
    KillNode,

    /// <summary><c>restart-node:N</c>: SIGTERM (the node drains), start again on the same ports, wait until ready.</summary>
    RestartNode,

    /// <summary><c>rolling-restart</c>: restart-node every node in turn, each back in the balancer before the next.</summary>
    RollingRestart,

    /// <summary><c>restart-postgres</c>: a fast restart; every open database connection is cut.</summary>
    RestartPostgres,

    /// <summary><c>stop-redis@T+D</c>: Redis stopped at T, started again (with its data) D later.</summary>
    StopRedis,
}
