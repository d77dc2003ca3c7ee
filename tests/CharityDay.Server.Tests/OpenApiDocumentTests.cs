using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CharityDay.Server.Tests;

/// <summary>
/// The pages' wire types are generated from <c>stage-display/openapi/v1.json</c>; this keeps that file
/// equal to what the server serves, so a changed record on the server fails here instead of on stage.
/// With <c>CHARITYDAY_WRITE_OPENAPI=1</c> it writes the served document over the checked-in one.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    public const string RefreshCommand = "stage-display/scripts/update-wire.sh";

    private static readonly JsonSerializerOptions Stable = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // CJK titles and descriptions stay readable in the checked-in file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly CharityDayApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static string CheckedInPath => Path.Combine(ServerBuild.RepositoryRoot(), "stage-display", "openapi", "v1.json");

    [Fact]
    public async Task The_checked_in_document_is_the_one_the_server_serves()
    {
        using var client = _app.Anonymous();
        var served = Normalised(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);

        if (Environment.GetEnvironmentVariable("CHARITYDAY_WRITE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedInPath)!);
            await File.WriteAllTextAsync(CheckedInPath, served.ToJsonString(Stable) + "\n");
        }

        var checkedIn = File.Exists(CheckedInPath) ? Normalised(JsonNode.Parse(await File.ReadAllTextAsync(CheckedInPath))!) : null;
        Assert.True(checkedIn is not null && JsonNode.DeepEquals(served, checkedIn),
            $"{CheckedInPath} is not the document the server serves at /openapi/v1.json " +
            $"(first difference: {FirstDifference(served, checkedIn) ?? "file missing"}). " +
            $"Run {RefreshCommand} from the repository root: it rewrites v1.json and stage-display/src/lib/wire.gen.ts.");
    }

    /// <summary>Object members sorted by name, so the comparison and the file do not depend on the generator's order.</summary>
    private static JsonNode Normalised(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Normalised(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Normalised(item))]),
        _ => node.DeepClone(),
    };

    private static string? FirstDifference(JsonNode? served, JsonNode? checkedIn, string path = "$")
    {
        if (checkedIn is null && served is not null)
        {
            return null;
        }

        if (served is JsonObject a && checkedIn is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                if (!a.ContainsKey(key) || !b.ContainsKey(key))
                {
                    return $"{path}.{key} is only in the {(a.ContainsKey(key) ? "served" : "checked-in")} document";
                }

                if (!JsonNode.DeepEquals(a[key], b[key]))
                {
                    return FirstDifference(a[key], b[key], $"{path}.{key}") ?? $"{path}.{key}";
                }
            }
        }

        return JsonNode.DeepEquals(served, checkedIn) ? null : $"{path}: served {Short(served)}, checked in {Short(checkedIn)}";
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
