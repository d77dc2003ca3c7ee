namespace CharityDay.Contracts;

/// <summary>Lifecycle of a charity event: pledges are taken only while it is live.</summary>
public enum EventStatus
{
    Draft = 0,
    Live = 1,
    Closed = 2,
}
