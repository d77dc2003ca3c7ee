using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace CharityDay.Grains.Storage;

/// <summary>
/// Notices the embedded database file being deleted or replaced under the running server. SQLite's
/// open connections would go on writing into a file no path leads to, and everything they acknowledged
/// would be gone at the next start; instead the ledger refuses writes and readiness fails from then on.
/// <para>
/// The file is known by a handle of its own, held for the life of the process (a handle on the file
/// is never opened and closed again: closing one would drop the locks SQLite holds on it), and by a
/// random install number stamped in its header (<c>user_version</c>, which SQLite leaves to
/// applications). A check is two system calls, cheap next to a commit: on Linux, the handle's
/// <c>/proc/self/fd</c> link still names the path (not "(deleted)": removed, or replaced by a rename;
/// elsewhere: the path still exists); the header read through the handle still holds the number
/// (overwritten in place, as <c>cp</c> does). Reading through SQLite would not do: a fresh connection reads pages from the
/// shared -wal, which still belongs to the old file.
/// </para>
/// Once wrong it stays wrong until a restart: the connections keep the old file whatever the path shows.
/// </summary>
public sealed partial class DatabaseFileGuard(string path, ILogger<DatabaseFileGuard> logger) : IDisposable
{
    private const int UserVersionOffset = 60;

    private SafeFileHandle? _handle;
    private string? _fdLink;
    private string? _armedLinkTarget;
    private int _installNumber;
    private string? _fault;

    public string FilePath => path;

    /// <summary>What went wrong with the file, or null while it is the one the server opened.</summary>
    public string? Fault => Volatile.Read(ref _fault);

    /// <summary>After the schema is applied: stamps the install number into the file's header and takes the handle.</summary>
    public async Task ArmAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var number = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version", cancellationToken), CultureInfo.InvariantCulture);
            if (number == 0)
            {
                number = RandomNumberGenerator.GetInt32(1, int.MaxValue);
                await ScalarAsync(connection, $"PRAGMA user_version = {number.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            }

            // Into the file itself, not only the -wal: the header is read through the handle.
            await ScalarAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            _installNumber = number;
        }

        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (OperatingSystem.IsLinux())
        {
            _fdLink = $"/proc/self/fd/{_handle.DangerousGetHandle().ToInt64().ToString(CultureInfo.InvariantCulture)}";
            _armedLinkTarget = new FileInfo(_fdLink).LinkTarget;
        }

        if (ReadInstallNumber() != _installNumber)
        {
            // The checkpoint did not reach the header (a reader held it back): check the rest only.
            LogHeaderNotStamped(path);
            _installNumber = 0;
        }
    }

    /// <summary>Checks the file now; returns what is wrong with it, or null. The first fault found is logged, once.</summary>
    public string? Check()
    {
        if (Fault is not null || _handle is null)
        {
            return Fault;
        }

        var fault = Inspect();
        if (fault is not null && Interlocked.CompareExchange(ref _fault, fault, null) is null)
        {
            if (_fdLink is null)
            {
                LogLost(fault);
            }
            else
            {
                LogLostWithCopy(fault, _fdLink.Replace("/self/", $"/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/", StringComparison.Ordinal), path);
            }
        }

        return Fault;
    }

    /// <summary>After a ledger write, before it is acknowledged: a write into a lost file never is.</summary>
    public void ThrowIfLost() => Throw(Check());

    /// <summary>Before a ledger write: no system call, only what a check already found.</summary>
    public void ThrowIfKnownLost() => Throw(Fault);

    private static void Throw(string? fault)
    {
        if (fault is not null)
        {
            throw new DatabaseFileLostException($"{fault}: writes are refused until the file is restored and the server restarted.");
        }
    }

    public void Dispose() => _handle?.Dispose();

    /// <summary>On Linux the handle's link tells a removal and a replacement alike; elsewhere only the path can be asked.</summary>
    private string? Inspect()
    {
        if (_fdLink is null ? !File.Exists(path) : IsUnlinked())
        {
            return File.Exists(path) ? $"The database file {path} was replaced by another file" : $"The database file {path} is gone (deleted or moved away)";
        }

        return _installNumber != 0 && ReadInstallNumber() != _installNumber ? $"The database file {path} was overwritten by another database" : null;
    }

    private bool IsUnlinked() => _fdLink is not null && new FileInfo(_fdLink).LinkTarget != _armedLinkTarget;

    private int ReadInstallNumber()
    {
        Span<byte> header = stackalloc byte[4];
        try
        {
            return RandomAccess.Read(_handle!, header, UserVersionOffset) == header.Length ? BinaryPrimitives.ReadInt32BigEndian(header) : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Fault} while the server runs: it refuses writes (503) and reports not ready from now on. " +
        "Restore the file from a backup, then restart the server")]
    private partial void LogLost(string fault);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Fault} while the server runs: it refuses writes (503) and reports not ready from now on. " +
        "Everything it acknowledged is in the file it still has open: copy {OpenFile} back to {Path} before this process ends (keep the -wal file beside it), then restart the server")]
    private partial void LogLostWithCopy(string fault, string openFile, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The install number did not reach the header of {Path}: a replaced file is still noticed, one overwritten in place is not")]
    private partial void LogHeaderNotStamped(string path);
}
