using System.Net;

namespace CharityDay.Testing;

/// <summary>
/// What <see cref="ServerProcess"/> starts: which server build, where, on which ports, with which
/// settings. Ports left empty are picked free at the first start and kept for every restart.
/// </summary>
public sealed record ServerProcessOptions
{
    /// <summary>A build or publish output's <c>CharityDay.Server.dll</c>; null: this configuration's build output.</summary>
    public string? Assembly { get; init; }

    /// <summary>The process's working folder; null: the data folder, else the current folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary><c>CharityDay:DataDirectory</c>; null leaves the server's default (<c>data</c> under the working folder).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Remove <see cref="DataDirectory"/> when the server is disposed (a throw-away folder).</summary>
    public bool DeleteDataDirectoryOnDispose { get; init; }

    public int? Port { get; init; }

    public int? SiloPort { get; init; }

    public int? GatewayPort { get; init; }

    public string AdminKey { get; init; } = ServerProcess.TestAdminKey;

    /// <summary><c>ConnectionStrings:Postgres</c>; null: embedded SQLite.</summary>
    public string? Postgres { get; init; }

    public bool SeedDemoEvent { get; init; }

    /// <summary>Environment variables in ASP.NET Core's spelling (<c>CharityDay__ShutdownDrain</c>); they override the ones above.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Command-line settings (<c>--Key value</c> pairs), which override everything else.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Also write the server's output to this file (the memory copy stays in <see cref="ServerProcess.Output"/>).</summary>
    public string? LogPath { get; init; }

    /// <summary>The server is ready once a GET of <see cref="ReadyPath"/> answers <see cref="ReadyStatus"/>.</summary>
    public string ReadyPath { get; init; } = "/health/ready";

    public HttpStatusCode ReadyStatus { get; init; } = HttpStatusCode.OK;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Zero: dispose kills at once (SIGKILL); otherwise SIGTERM first and SIGKILL after this long.</summary>
    public TimeSpan GraceOnDispose { get; init; }
}
