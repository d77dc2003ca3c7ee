namespace CharityDay.Testing;

/// <summary>One node of a <see cref="LocalCluster"/> (numbered from 1), as its state file last recorded it.</summary>
public sealed record LocalClusterNode(int Number, Uri Url, int Port, int SiloPort, int GatewayPort, int? ProcessId, string Directory)
{
    /// <summary>The node's stdout and stderr (<c>node.log</c> in its folder), across restarts.</summary>
    public string LogPath => Path.Combine(Directory, "node.log");
}
