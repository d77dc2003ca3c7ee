using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharityDay.Server.Hosting;

/// <summary>
/// The JSON a client may send, on the HTTP routes and as hub arguments alike: numbers as JSON numbers
/// (never <c>"100"</c>), each property once and spelt as documented (camelCase), nothing unknown, and
/// enums by their camelCase names. A body that means something else than it seems is refused, not guessed.
/// </summary>
internal static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new StrictEnumConverterFactory());
    }
}
