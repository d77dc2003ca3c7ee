using CharityDay.Contracts;

namespace CharityDay.Grains;

/// <summary>
/// The port from the total grain to the screens and phones: the server implements it with the SignalR
/// hub context, one group per audience (and, in production, the Redis backplane reaches every node's browsers).
/// </summary>
public interface ILiveBroadcaster
{
    Task PushAsync(LiveAudience audience, TotalPush push, CancellationToken cancellationToken = default);
}
