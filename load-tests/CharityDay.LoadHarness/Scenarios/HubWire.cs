using System.Buffers;
using System.Text.Json;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// The records <see cref="LightViewer"/> sends, byte for byte what the JavaScript client sends in the
/// JSON hub protocol: a JSON text ended by the record separator 0x1E.
/// </summary>
internal static class HubWire
{
    public const byte RecordSeparator = 0x1E;

    /// <summary>Message <c>type</c> values of the JSON hub protocol.</summary>
    public const int Invocation = 1;

    public const int Completion = 3;

    public const int Ping = 6;

    public const int Close = 7;

    public static ReadOnlyMemory<byte> Handshake { get; } = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();

    public static ReadOnlyMemory<byte> PingRecord { get; } = "{\"type\":6}\u001e"u8.ToArray();

    /// <summary>
    /// An invocation of <paramref name="target"/> with one string argument that expects a completion;
    /// each connection starts its own numbering, so the first invocation is always id "1".
    /// </summary>
    public static byte[] Invoke(string target, string argument, int invocationId)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("type"u8, Invocation);
            json.WriteString("invocationId"u8, invocationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("target"u8, target);
            json.WriteStartArray("arguments"u8);
            json.WriteStringValue(argument);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write([RecordSeparator]);
        return buffer.WrittenSpan.ToArray();
    }
}
