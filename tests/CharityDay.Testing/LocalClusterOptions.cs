namespace CharityDay.Testing;

/// <summary>How <see cref="LocalCluster.UpAsync"/> calls <c>deploy/local-cluster.sh up</c>.</summary>
public sealed record LocalClusterOptions
{
    public int Nodes { get; init; } = 3;

    /// <summary>The cluster's folder (created, and removed by down); null: a new one under the temp folder.</summary>
    public string? Directory { get; init; }

    /// <summary>A <c>dotnet publish</c> folder of the server (see <see cref="ServerBuild.PublishAsync"/>); null: the script publishes one.</summary>
    public string? Build { get; init; }

    /// <summary>The range the script picks free ports from, e.g. <c>24000-28999</c>; null: the script's default.</summary>
    public string? Ports { get; init; }

    /// <summary>How long one command of the script may take before it is stopped (a publish is part of up).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Each line the script prints, as it prints it (e.g. to a test's output).</summary>
    public Action<string>? Progress { get; init; }
}
