using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CharityDay.Contracts;
using CharityDay.Server.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Makes <c>/openapi/v1.json</c> the source of the pages' wire types (<c>stage-display/src/lib/wire.gen.ts</c>):
/// the SignalR hub's messages are named in <c>components.schemas</c> like the HTTP answers, everything
/// the server writes is <c>required</c> (it never leaves a property out), and the string fields that
/// take one of a few values list them.
/// </summary>
internal static class OpenApiWireSchemas
{
    /// <summary>What <c>/hubs/live</c> sends: the snapshot <c>Watch</c>/<c>Follow</c> answer with, then <c>total</c> pushes.</summary>
    private static readonly Type[] HubMessages = [typeof(TotalSnapshot), typeof(TotalPush)];

    /// <summary>String properties that hold one of a fixed set of values, which the pages switch on.</summary>
    private static readonly Dictionary<(Type Declaring, string Property), string[]> FixedValues = new()
    {
        [(typeof(DonationOrderView), nameof(DonationOrderView.Status))] =
            [DonationOrderView.AwaitingPayment, DonationOrderView.Paid, DonationOrderView.Expired],
        [(typeof(PaymentView), nameof(PaymentView.Kind))] = [PaymentView.Redirect, PaymentView.QrCode],
    };

    // The generator's own mark of which component a written-out schema is (Microsoft.AspNetCore.OpenApi).
    private const string SchemaIdKey = "x-schema-id";

    public static void Apply(OpenApiOptions options)
    {
        options.AddSchemaTransformer(EnumSchemas.DescribeAsync);
        options.AddSchemaTransformer(DescribeWrittenAsync);
        options.AddDocumentTransformer(AddHubMessagesAsync);
        options.AddOperationTransformer(OpenApiProblemResponses.DescribeAsync);
    }

    private static Task DescribeWrittenAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property
            && property.AttributeProvider is MemberInfo member
            && FixedValues.TryGetValue((property.DeclaringType, member.Name), out var values))
        {
            schema.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
        }

        // A property left out of a constructor's defaults (TotalPush.FeedReset) is still always written;
        // only what a client sends may lack one (the server reads a missing property as its default).
        var type = context.JsonTypeInfo;
        if (context.JsonPropertyInfo is null && context.ParameterDescription is null && type.Kind == JsonTypeInfoKind.Object
            && IsOurs(type.Type) && schema.Properties is { Count: > 0 } properties)
        {
            schema.Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    private static bool IsOurs(Type type) =>
        type.Assembly == typeof(TotalPush).Assembly || type.Assembly == typeof(OpenApiWireSchemas).Assembly;

    private static async Task AddHubMessagesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var message in HubMessages)
        {
            if (document.Components?.Schemas?.ContainsKey(message.Name) != true)
            {
                var schema = await context.GetOrCreateSchemaAsync(message, cancellationToken: cancellationToken);
                document.AddComponent(message.Name, Referenced(schema, document));
            }
        }
    }

    /// <summary>
    /// A schema made outside an operation comes with the types it uses written out in full; those the
    /// document already names (FeedItem, ChannelTotals, …) become references, so the pages get one type each.
    /// </summary>
    private static IOpenApiSchema Referenced(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        if (inline.Metadata?.TryGetValue(SchemaIdKey, out var id) == true && id is string name
            && document.Components?.Schemas?.ContainsKey(name) == true)
        {
            return new OpenApiSchemaReference(name, document);
        }

        foreach (var key in inline.Properties?.Keys.ToList() ?? [])
        {
            inline.Properties![key] = Referenced(inline.Properties[key], document);
        }

        inline.Items = inline.Items is null ? null : Referenced(inline.Items, document);
        inline.OneOf = inline.OneOf?.Select(s => Referenced(s, document)).ToList();
        inline.AnyOf = inline.AnyOf?.Select(s => Referenced(s, document)).ToList();
        return inline;
    }
}
