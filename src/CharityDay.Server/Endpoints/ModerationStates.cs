using System.Collections.Frozen;
using System.Text.Json;
using CharityDay.Contracts;

namespace CharityDay.Server.Endpoints;

/// <summary>A moderation state as a query parameter: exactly its camelCase wire name, as in JSON.</summary>
internal static class ModerationStates
{
    private static readonly FrozenDictionary<string, ModerationState> ByName = Enum.GetValues<ModerationState>()
        .ToFrozenDictionary(state => JsonNamingPolicy.CamelCase.ConvertName(state.ToString()), StringComparer.Ordinal);

    public static bool TryParse(string name, out ModerationState state) => ByName.TryGetValue(name, out state);
}
