using System.Text.Json;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Reads one JSON hub protocol record (without its separator) in a single forward pass, keeping only what
/// a phone's figures need: the message type, whether it is a <c>total</c> push, the version and totals of
/// the push or of the snapshot a completion carries, and the ids in <c>newPledges</c>. Everything else is
/// skipped unread, and the ids stay as characters in a buffer reused from record to record, so a push
/// costs no allocation. One reader per connection: the ids are valid until the next <see cref="Read"/>.
/// </summary>
internal sealed class HubRecordReader
{
    private readonly List<Range> _pledgeIds = [];
    private char[] _idChars = new char[512];
    private int _idCharsUsed;

    public int PledgeIdCount => _pledgeIds.Count;

    public ReadOnlySpan<char> PledgeId(int index) => _idChars.AsSpan(_pledgeIds[index]);

    /// <exception cref="JsonException">The record is not the JSON the protocol promises.</exception>
    public HubRecord Read(ReadOnlySpan<byte> record)
    {
        _pledgeIds.Clear();
        _idCharsUsed = 0;
        var reader = new Utf8JsonReader(record);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        int type = 0;
        bool isTotal = false, hasError = false, allowReconnect = false;
        var totals = (Found: false, Version: 0L, TotalFen: 0L, PledgeCount: 0L);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                isTotal = reader.ValueTextEquals("total"u8);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                hasError = reader.TokenType != JsonTokenType.Null;
            }
            else if (reader.ValueTextEquals("allowReconnect"u8))
            {
                reader.Read();
                allowReconnect = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                totals = ReadTotals(ref reader);
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                // A push has one argument, the TotalPush; any other invocation's arguments are only skipped.
                reader.Read();
                Expect(reader.TokenType == JsonTokenType.StartArray);
                if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    totals = ReadTotals(ref reader);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new HubRecord(type, isTotal, hasError, allowReconnect, totals.Found, totals.Version, totals.TotalFen, totals.PledgeCount);
    }

    /// <summary>A snapshot or a push, positioned on its first token; anything that is not an object is skipped.</summary>
    private (bool Found, long Version, long TotalFen, long PledgeCount) ReadTotals(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return default;
        }

        long version = 0, totalFen = 0, pledgeCount = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                version = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("totalFen"u8))
            {
                reader.Read();
                totalFen = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("pledgeCount"u8))
            {
                reader.Read();
                pledgeCount = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("newPledges"u8))
            {
                reader.Read();
                ReadPledges(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return (true, version, totalFen, pledgeCount);
    }

    private void ReadPledges(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("pledgeId"u8))
                {
                    reader.Read();
                    KeepPledgeId(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private void KeepPledgeId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return;
        }

        // Unescaped, a string never has more characters than its UTF-8 bytes.
        var most = reader.ValueSpan.Length;
        if (_idCharsUsed + most > _idChars.Length)
        {
            Array.Resize(ref _idChars, Math.Max(_idChars.Length * 2, _idCharsUsed + most));
        }

        var written = reader.CopyString(_idChars.AsSpan(_idCharsUsed));
        _pledgeIds.Add(new Range(_idCharsUsed, _idCharsUsed + written));
        _idCharsUsed += written;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("Not a hub protocol message.");
        }
    }
}
