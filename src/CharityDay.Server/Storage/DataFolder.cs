using System.Runtime.Versioning;

namespace CharityDay.Server.Storage;

/// <summary>
/// The embedded data folder holds the whole ledger and, in demo mode, the admin key: only the account
/// the server runs as may read it. The folder is made 0700 and the server's files in it 0600, whatever
/// the umask; a folder an older run left open is closed too when it holds nothing but the server's own
/// files. A folder shared with other things is the operator's: it is left alone, with a warning.
/// </summary>
internal static class DataFolder
{
    public const string DatabaseFileName = "charityday.db";
    public const string AdminKeyFileName = "admin-key.txt";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The database and what SQLite keeps beside it, and the generated admin key.</summary>
    private static readonly string[] OwnFiles =
        [DatabaseFileName, DatabaseFileName + "-wal", DatabaseFileName + "-shm", DatabaseFileName + "-journal", AdminKeyFileName];

    /// <summary>Creates or closes the folder and the server's files in it; returns what could not be made private.</summary>
    public static IReadOnlyList<string> Prepare(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return [];
        }

        var warnings = new List<string>();
        SecureFolder(directory, warnings);
        foreach (var name in OwnFiles)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                Tighten(path, OwnerOnlyFile, warnings);
            }
        }

        return warnings;
    }

    /// <summary>
    /// Creates the database file, empty and owner-only, before SQLite opens it: SQLite would create it
    /// 0644, and it gives the -wal and -shm files the database file's own mode. An existing file is not
    /// opened here: closing any handle on it would drop the locks SQLite holds on it in this process.
    /// </summary>
    public static void CreateDatabaseFile(string path)
    {
        if (!File.Exists(path))
        {
            CreateOwnerOnly(path, FileMode.CreateNew).Dispose();
        }
    }

    /// <summary>Writes a new file that is owner-only from its first byte (no moment at the umask's mode).</summary>
    public static void WriteOwnerOnly(string path, string text)
    {
        using var writer = new StreamWriter(CreateOwnerOnly(path, FileMode.Create));
        writer.Write(text);
    }

    private static FileStream CreateOwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its mode on open: close it too.
            File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnlyFile);
        }

        return stream;
    }

    [UnsupportedOSPlatform("windows")]
    private static void SecureFolder(string directory, List<string> warnings)
    {
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnlyFolder);
            File.SetUnixFileMode(directory, OwnerOnlyFolder); // whatever the umask took away
            return;
        }

        var mode = File.GetUnixFileMode(directory);
        if ((mode & Others) == 0)
        {
            return;
        }

        var strangers = Directory.EnumerateFileSystemEntries(directory)
            .Select(Path.GetFileName)
            .Where(name => !OwnFiles.Contains(name, StringComparer.Ordinal))
            .Take(3)
            .ToList();
        if (strangers.Count > 0)
        {
            warnings.Add($"The data folder {directory} is open to other accounts (mode {Octal(mode)}) and holds files that are not the server's " +
                $"({string.Join(", ", strangers)}): it is left as it is. Give the server a folder of its own (CharityDay:DataDirectory) or make this one 0700.");
            return;
        }

        Tighten(directory, OwnerOnlyFolder, warnings);
    }

    [UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode wanted, List<string> warnings)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) == 0)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, wanted);
        }
        catch (UnauthorizedAccessException)
        {
            warnings.Add($"{path} is open to other accounts (mode {Octal(mode)}) and belongs to another account, so the server cannot close it: make it {Octal(wanted)}.");
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
