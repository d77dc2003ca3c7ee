namespace CharityDay.Contracts;

/// <summary>How grain keys are made from event and desk ids, in one place.</summary>
public static class GrainKeys
{
    public static string Desk(string eventId, string deskId) => eventId + "/" + deskId;

    public static (string EventId, string DeskId) SplitDesk(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
