using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Enums on the wire as their camelCase names and nothing else. <see cref="JsonStringEnumConverter"/>
/// also reads other casings (<c>"ENTERPRISE"</c>) and comma lists (<c>"enterprise, individual"</c>,
/// which ORs the values), so a body could carry a donor kind nobody typed.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The names an enum is written and read as, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName)];
}

/// <summary>Reads exactly one of <typeparamref name="TEnum"/>'s camelCase names; writes the same names.</summary>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetNames<TEnum>()
        .ToFrozenDictionary(JsonNamingPolicy.CamelCase.ConvertName, Enum.Parse<TEnum>, StringComparer.Ordinal);

    private static readonly FrozenDictionary<TEnum, string> NameOf = ByName
        .GroupBy(pair => pair.Value)
        .ToFrozenDictionary(group => group.Key, group => group.First().Key);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Name(value));

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(Name(value));

    private static TEnum Parse(string? text) =>
        text is not null && ByName.TryGetValue(text, out var value) ? value : throw new JsonException();

    // A value outside the enum is a bug on our side; a number on the wire would break every page's switch.
    private static string Name(TEnum value) =>
        NameOf.TryGetValue(value, out var name) ? name : throw new JsonException($"{typeof(TEnum).Name} has no member {value}.");
}
