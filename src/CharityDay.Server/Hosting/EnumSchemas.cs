using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CharityDay.Server.Hosting;

/// <summary>
/// The OpenAPI document's enums as <see cref="StrictEnumConverterFactory"/> reads them: strings, one of
/// the camelCase names. The document generator only knows the framework's own enum converter, so
/// without this every enum would be described as "anything".
/// </summary>
internal static class EnumSchemas
{
    public static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. StrictEnumConverterFactory.WireNames(type).Select(name => (JsonNode)JsonValue.Create(name))];
        }

        return Task.CompletedTask;
    }
}
