using CharityDay.Contracts;

namespace CharityDay.Grains;

/// <summary>
/// The port from the total grain to the screens: the server implements it with the SignalR hub
/// context (and, in production, the Redis backplane reaches every node's browsers).
/// </summary>
public interface ILiveBroadcaster
{
    Task PushAsync(TotalPush push, CancellationToken cancellationToken = default);
}
