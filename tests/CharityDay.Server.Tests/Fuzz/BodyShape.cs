using System.Collections.Immutable;
using System.Text;
using CsCheck;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// A route's body as an ordered list of properties, and the generator of what is sent to it: bodies the
/// route must take, each property broken in turn (a broken rule, a wrong JSON type, null, absent, sent
/// twice, misspelt by case, escaped), unknown properties, and the body broken as a whole (truncated,
/// malformed, not an object, a stray invalid UTF-8 byte, too deep, too big, not declared JSON, empty).
/// </summary>
internal sealed record BodyShape(ImmutableArray<BodyField> Fields, long LimitBytes)
{
    private static readonly string[] UnknownNames = ["tip", "amount", "amount_fen", "__proto__", "$type", "", " ", "id ", "ａｍｏｕｎｔＦｅｎ", "\\u0000"];

    public static BodyShape Of(long limitBytes, params BodyField[] fields) => new([.. fields], limitBytes);

    /// <summary>Valid bodies one time in <c>1 + 3 + 2</c>; the rest break one property or the whole body.</summary>
    public Gen<FuzzBody> Generator => Gen.Frequency(
        (1, Valid.Select(fields => FuzzBody.Text("valid", Expect.Accept, Object(fields)))),
        (3, BrokenProperty),
        (2, BrokenWhole));

    private Gen<ImmutableList<(string Name, string Json)>> Valid =>
        Fields.Aggregate(Gen.Const(ImmutableList<(string, string)>.Empty), (list, property) =>
            Gen.Select(list, property.Good, (values, good) => values.Add((property.Name, good))));

    private static string Object(IEnumerable<(string Name, string Json)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Json}")) + "}";

    private Gen<FuzzBody> BrokenProperty => Fields.IsEmpty ? BrokenWhole : Gen.SelectMany(Valid, Gen.Int[0, Fields.Length - 1], (values, index) =>
    {
        var property = Fields[index];
        var name = property.Name;
        FuzzBody Replaced(string label, Expect expect, string json) => FuzzBody.Text($"{name}: {label}", expect, Object(values.SetItem(index, (name, json))));
        return Gen.OneOf(
            property.BrokenRule.Select(bad => Replaced(bad.Label, Expect.Refuse, bad.Json)),
            property.WrongType.Select(json => Replaced("wrong type " + json, Expect.Refuse, json)),
            Gen.Const(Replaced("null", property.Missing("null"), "null")),
            Gen.Const(FuzzBody.Text($"{name}: absent", property.Missing(""), Object(values.RemoveAt(index)))),
            property.WrongType.Select(json => FuzzBody.Text($"{name}: sent twice", Expect.Refuse, Object(values.Add((name, json))))),
            Gen.Const(FuzzBody.Text($"{name}: sent twice, same value", Expect.Refuse, Object(values.Insert(0, values[index])))),
            Gen.OneOf(Recased(name)).Select(other => FuzzBody.Text($"{name}: spelt {other}", Expect.Refuse, Object(values.SetItem(index, (other, values[index].Json))))),
            Gen.Const(FuzzBody.Text($"{name}: name as escapes", Expect.Accept, Object(values.SetItem(index, (Escaped(name), values[index].Json))))),
            Gen.Select(Gen.OneOf(UnknownNames), JsonValues.NotAString, (unknown, json) =>
                FuzzBody.Text($"unknown property '{unknown}'", Expect.Refuse, Object(values.Insert(index, (unknown, json))))));
    });

    /// <summary>The name with other casing (never the name itself): <c>AmountFen</c>, <c>amountfen</c>, <c>AMOUNTFEN</c>.</summary>
    private static string[] Recased(string name) =>
        [.. new[] { char.ToUpperInvariant(name[0]) + name[1..], name.ToLowerInvariant(), name.ToUpperInvariant() }.Where(n => n != name).DefaultIfEmpty(name + "_")];

    private static string Escaped(string name) => string.Concat(name.Select(c => $"\\u{(int)c:x4}"));

    private Gen<FuzzBody> BrokenWhole => Gen.SelectMany(Valid, values =>
    {
        var json = Object(values);
        var bytes = Encoding.UTF8.GetBytes(json);
        return Gen.OneOf(
            Gen.Int[0, json.Length - 1].Select(cut => FuzzBody.Text($"cut at {cut} of {json.Length}", Expect.Refuse, json[..cut])),
            Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.OneOf<byte>(0xff, 0xc0, 0x80, 0xed, 0xf8), (at, stray) =>
                new FuzzBody($"byte 0x{stray:x2} at {at}", Expect.Refuse, [.. bytes[..at], stray, .. bytes[at..]])),
            Gen.OneOf("", "null", "[]", "[" + json + "]", "\"" + json.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"", "1", "true", "500万", "{", "}", "{}}",
                json + "x", json + json, json[..^1] + ",}", "{/* 注释 */" + json[1..], json.Replace(":", " : ", StringComparison.Ordinal).Replace(",", " ,\n ", StringComparison.Ordinal) + "\u0000")
                .Select(text => FuzzBody.Text("malformed " + (text.Length > 30 ? text[..30] + "…" : text), Expect.Refuse, text)),
            Gen.Int[65, 200].Select(depth => FuzzBody.Text($"nested {depth} deep", Expect.Refuse,
                json[..^1] + ",\"deep\":" + new string('[', depth) + new string(']', depth) + "}")),
            Gen.Long[LimitBytes + 1, LimitBytes * 3].Select(size => FuzzBody.Text($"{size} bytes (limit {LimitBytes})", Expect.Refuse,
                "{" + new string(' ', (int)size - json.Length) + json[1..])),
            Gen.OneOf<string?>(null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "json", "application/jsonx")
                .Select(type => FuzzBody.Text($"declared {type ?? "as nothing"}", Expect.Refuse, json, type)),
            Gen.OneOf<string?>("application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json", "application/json; charset=utf-16", "application/json; charset=latin1")
                .Select(type => FuzzBody.Text($"declared {type}", Expect.Either, json, type)),
            Gen.Const(new FuzzBody("a byte order mark first", Expect.Either, [0xef, 0xbb, 0xbf, .. bytes])),
            Gen.Const(FuzzBody.Text("spaces and newlines around", Expect.Accept, "\r\n  " + json + " \n\t")));
    });
}
