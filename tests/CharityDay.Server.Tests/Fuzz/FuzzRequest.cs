using System.Text;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>What a generated input must get: taken (2xx), refused (4xx), or either, when only the server's rules can tell.</summary>
internal enum Expect
{
    Accept,
    Refuse,
    Either,
}

/// <summary>Who sends a generated request: the route's own caller, or someone it must turn away.</summary>
internal enum Caller
{
    Admin,
    Desk,
    Anonymous,
    UnknownToken,
}

/// <summary>A generated body: the bytes as sent, their declared type, what it is (for the report) and what it must get.</summary>
internal sealed record FuzzBody(string Label, Expect Expect, byte[] Bytes, string? ContentType = FuzzBody.Json)
{
    public const string Json = "application/json";

    public static FuzzBody Text(string label, Expect expect, string json, string? contentType = Json) =>
        new(label, expect, Encoding.UTF8.GetBytes(json), contentType);

    public static readonly FuzzBody None = new("no body", Expect.Either, [], null);
}

/// <summary>A generated path: the URL as sent and what it must get on its own.</summary>
internal sealed record FuzzPath(string Label, Expect Expect, string Url);

/// <summary>One generated write request, printed (when a property fails, after shrinking) so it can be replayed by hand.</summary>
internal sealed record FuzzRequest(string Route, HttpMethod Method, FuzzPath Path, FuzzBody Body, Caller Caller, Expect Expect)
{
    /// <summary>For the provider's notify route: the notice, built at send time (it carries a fresh timestamp).</summary>
    public NoticeCase? Notice { get; init; }

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body.Bytes);
        var shown = text.Length > 400 ? $"{text[..200]}…({Body.Bytes.Length} bytes)…{text[^100..]}" : text;
        var escaped = new StringBuilder();
        foreach (var c in shown)
        {
            escaped.Append(c < 0x20 || char.IsSurrogate(c) || c is >= '\u007f' and <= '\u00a0' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
                ? $"<U+{(int)c:X4}>" : c.ToString());
        }

        var url = Path.Url.Length > 200 ? Path.Url[..200] + $"…({Path.Url.Length} chars)" : Path.Url;
        return $"{Route}: {Method} {url} as {Caller} [{Path.Label}; {Body.Label}] expect {Expect}, Content-Type {Body.ContentType ?? "(none)"}, body {escaped}";
    }

    /// <summary>Refused if either part must be; taken only if both must be.</summary>
    public static Expect Both(Expect first, Expect second) => (first, second) switch
    {
        (Expect.Refuse, _) or (_, Expect.Refuse) => Expect.Refuse,
        (Expect.Accept, Expect.Accept) => Expect.Accept,
        _ => Expect.Either,
    };
}
