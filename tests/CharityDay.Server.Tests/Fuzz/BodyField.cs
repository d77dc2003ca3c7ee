using CsCheck;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>The JSON type and rules of a body property, which decide the broken values it is sent.</summary>
internal enum FieldKind
{
    Slug,
    ClientId,
    Text,
    Amount,
    Amounts,
    Flag,
    DonorKind,
}

/// <summary>
/// One property of a route's body: its documented name, a generator of values the route must take,
/// and the values it must refuse. <paramref name="Optional"/> means absent, <c>null</c> or blank is taken.
/// </summary>
internal sealed record BodyField(string Name, FieldKind Kind, Gen<string> Good, bool Optional = false, int MaxLength = 0, long MaxFen = 0)
{
    public static BodyField Slug(string name, Gen<string> good) => new(name, FieldKind.Slug, good);

    public static BodyField ClientId(string name) => new(name, FieldKind.ClientId, Gen.Guid.Select(id => $"\"{id:N}\""));

    public static BodyField Text(string name, int maxLength, bool optional) => new(name, FieldKind.Text, JsonValues.GoodText(maxLength), optional, MaxLength: maxLength);

    public static BodyField Amount(string name, long maxFen) => new(name, FieldKind.Amount, JsonValues.GoodAmount(maxFen), MaxFen: maxFen);

    /// <summary>Up to 20 distinct positive amounts, each at most <paramref name="maxFen"/>; absent or null is none.</summary>
    public static BodyField Amounts(string name, long maxFen) => new(name, FieldKind.Amounts,
        Gen.Long[1, Math.Min(maxFen, 100_000_000_00)].ArrayUnique[0, 20].Select(fens => "[" + string.Join(",", fens) + "]"), Optional: true, MaxFen: maxFen);

    public static BodyField Flag(string name, params string[] good) => new(name, FieldKind.Flag, Gen.OneOf(good.Length == 0 ? ["true", "false"] : good), Optional: true);

    public static readonly BodyField DonorKind = new("donorKind", FieldKind.DonorKind, JsonValues.GoodDonorKind);

    /// <summary>A value of the right JSON type that breaks a rule of this field: must be refused naming it.</summary>
    public Gen<(string Label, string Json)> BrokenRule => Kind switch
    {
        FieldKind.Slug => JsonValues.BadSlug.Select(json => ("bad id " + json, json)),
        FieldKind.ClientId => JsonValues.BadClientId.Select(json => ("bad id " + json, json)),
        FieldKind.Text when Optional => JsonValues.BadText(MaxLength),
        FieldKind.Text => Gen.OneOf(JsonValues.BadText(MaxLength), JsonValues.Blank.Select(json => ("blank " + json, json))),
        FieldKind.Amount => JsonValues.BadAmount(MaxFen),
        FieldKind.Amounts => Gen.OneOf(
            JsonValues.BadAmount(MaxFen).Select(bad => ("in an array: " + bad.Label, $"[100,{bad.Json}]")),
            Gen.Const(("the same amount twice", "[100,200,100]")),
            Gen.Int[21, 60].Select(n => ($"{n} presets (max 20)", "[" + string.Join(",", Enumerable.Range(1, n)) + "]"))),
        FieldKind.DonorKind => JsonValues.BadDonorKind.Select(json => ("donor kind " + json, json)),
        _ => JsonValues.NotABool.Select(json => ("not a bool " + json, json)),
    };

    /// <summary>A value of another JSON type: must be refused naming this field (null only where the field is not nullable).</summary>
    public Gen<string> WrongType => Kind switch
    {
        FieldKind.Slug or FieldKind.ClientId or FieldKind.Text => JsonValues.NotAString,
        FieldKind.Amount => JsonValues.NotANumber,
        FieldKind.Amounts => JsonValues.NotAnArray,
        FieldKind.DonorKind => JsonValues.BadDonorKind,
        _ => JsonValues.NotABool,
    };

    /// <summary>Absent, null or blank: taken when the field is optional (a null bool is still refused).</summary>
    public Expect Missing(string json) => (Kind, json) switch
    {
        (FieldKind.Flag, "null") => Expect.Refuse,
        (FieldKind.Amount, _) => Expect.Refuse,
        _ => Optional ? Expect.Accept : Expect.Refuse,
    };
}
