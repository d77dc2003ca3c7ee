namespace CharityDay.Grains.Storage;

/// <summary>
/// A ledger write refused because the embedded database file is no longer the one the server opened
/// (<see cref="DatabaseFileGuard"/>); the sender gets 503 and may retry with the same id after the restart.
/// </summary>
[GenerateSerializer]
public sealed class DatabaseFileLostException : IOException
{
    public DatabaseFileLostException()
    {
    }

    public DatabaseFileLostException(string message)
        : base(message)
    {
    }

    public DatabaseFileLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
