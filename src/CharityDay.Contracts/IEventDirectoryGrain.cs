using System.Collections.Immutable;

namespace CharityDay.Contracts;

/// <summary>The single list of every event ever created, for the front page and the admin console.</summary>
public interface IEventDirectoryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string eventId);

    Task<ImmutableArray<string>> ListAsync();
}
