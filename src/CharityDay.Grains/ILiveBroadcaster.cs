using CharityDay.Contracts;

namespace CharityDay.Grains;

/// <summary>
/// The port from the total grain to the screens and phones. The grain hands a push over and goes on;
/// the server's adapter sends it to the audience's SignalR group of the event on its own lane, so the
/// grain never waits for the fan-out.
/// </summary>
public interface ILiveBroadcaster
{
    void Push(LiveAudience audience, TotalPush push);
}
