using System.Text.Json;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>What every refusal of a write must look like: an RFC 7807 problem, titled Chinese first, naming the field unless its status says it all.</summary>
internal static class RefusalProblem
{
    /// <summary>Refusals that concern the request or the caller, not a field: sign-in, rights, not found, conflict, size, type, rate.</summary>
    public static readonly int[] Fieldless = [401, 403, 404, 409, 413, 414, 415, 429, 431];

    public static void Assert(int status, string? mediaType, string text)
    {
        Xunit.Assert.True(mediaType == "application/problem+json", $"{status} as {mediaType ?? "(no type)"}: {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Xunit.Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (Fieldless.Contains(status))
        {
            // A path no route takes gets the framework's own 404 (RequestProblems.WriteStatusPageAsync), titled in English.
            return;
        }

        Xunit.Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString() ?? "");

        Xunit.Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any(),
            $"{status} names no field: {text}");
        foreach (var field in errors.EnumerateObject())
        {
            Xunit.Assert.True(field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0, $"no message for '{field.Name}': {text}");
            Xunit.Assert.Matches(@"^\P{IsBasicLatin}", field.Value[0].GetString() ?? "");
        }
    }
}
