using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace CharityDay.Server.Hosting;

/// <summary>
/// The problem answers that come from the pipeline rather than from a route's handler, so no
/// <c>Results&lt;…&gt;</c> names them: a body that cannot be read (400, JsonInputProblems), sign-in
/// required or refused (401/403), a rate limit (429), and the 503 "retry with the same id" any route
/// can give while the node or its database is in trouble. A route's own problems are declared where it is mapped.
/// </summary>
internal static class OpenApiProblemResponses
{
    private const string ProblemSchema = nameof(ProblemDetails);

    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var statuses = new List<int>();
        if (context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (metadata.OfType<IAuthorizeData>().Any())
        {
            statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        statuses.Add(StatusCodes.Status503ServiceUnavailable);

        operation.Responses ??= [];
        var missing = statuses.Where(status => !operation.Responses.ContainsKey(Key(status))).ToList();
        if (missing.Count == 0 || context.Document is not { } document)
        {
            return;
        }

        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        foreach (var status in missing)
        {
            operation.Responses[Key(status)] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            };
        }
    }

    private static string Key(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
