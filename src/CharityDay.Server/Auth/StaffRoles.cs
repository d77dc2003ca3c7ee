using System.Collections.Frozen;
using System.Text.Json;
using CharityDay.Contracts;

namespace CharityDay.Server.Auth;

/// <summary>
/// A staff role's one name: in URLs, tokens and the JSON body (the camelCase enum name) and as the
/// role claim, so a new <see cref="StaffRole"/> value is a new role everywhere at once.
/// </summary>
public static class StaffRoles
{
    private static readonly FrozenDictionary<string, StaffRole> ByName = Enum.GetValues<StaffRole>()
        .ToFrozenDictionary(role => JsonNamingPolicy.CamelCase.ConvertName(role.ToString()), StringComparer.Ordinal);

    public static string Name(StaffRole role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    public static bool TryParse(string? name, out StaffRole role)
    {
        role = default;
        return name is not null && ByName.TryGetValue(name, out role);
    }

    /// <summary>The names, for a problem that lists what is allowed.</summary>
    public static string Names => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));
}
