using System.Text.Json;
using System.Text.RegularExpressions;
using CharityDay.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Endpoints;

/// <summary>
/// A request the minimal APIs could not bind (a JSON syntax or type error, a property sent twice or
/// unknown, no body, a query value that does not parse, the wrong content type) gets the validation
/// problem any other bad input gets: the field by its JSON name, what it must be, and that nothing was
/// recorded. Handled here, such a request is not logged as a server error.
/// </summary>
internal sealed partial class JsonInputProblems(IOptions<JsonOptions> json) : IExceptionHandler
{
    public const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        await Answer(bad, context).ExecuteAsync(context);
        return true;
    }

    private IResult Answer(BadHttpRequestException bad, HttpContext context)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return RequestProblems.BodyTooLarge(RequestBodyLimits.For(context.Request.Path));
            case StatusCodes.Status415UnsupportedMediaType:
                return RequestProblems.NotJson();
        }

        var errors = new InputErrors();
        if (bad.InnerException is JsonException error)
        {
            // The exception handler has cleared the request's endpoint; its feature keeps the one that failed.
            var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
            DescribeJson(errors, error, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        }
        else if (RequiredParameter().Match(bad.Message) is { Success: true } required)
        {
            var fromBody = required.Groups["source"].Value == "body";
            errors.Add(fromBody ? BodyField : required.Groups["name"].Value, fromBody ? "缺少请求体，须为一个 JSON 对象 (the body is missing; send one JSON object)" : "必填 (required)");
        }
        else if (UnboundParameter().Match(bad.Message) is { Success: true } unbound)
        {
            // An optional query value is bound as Nullable<long>: the client needs to hear "long".
            var type = unbound.Groups["type"].Value;
            type = type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>') ? type["Nullable<".Length..^1] : type;
            errors.Add(unbound.Groups["name"].Value, $"无法读作 {type} (not a valid {type})");
        }
        else
        {
            errors.Add(BodyField, "请求无法读取 (the request could not be read)");
        }

        return errors.ToProblem();
    }

    private void DescribeJson(InputErrors errors, JsonException error, Type? bodyType)
    {
        var field = FieldOf(error.Path);

        // Syntax errors come from the reader (its exception type is internal); they break the whole body.
        if (error.InnerException?.GetType().Name == "JsonReaderException")
        {
            errors.Add(BodyField, $"不是有效的 JSON：第 {error.LineNumber + 1} 行第 {error.BytePositionInLine + 1} 字节附近 (not valid JSON near line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})");
            return;
        }

        if (field is null)
        {
            errors.Add(BodyField, "须为一个 JSON 对象 (must be one JSON object)");
            return;
        }

        var property = bodyType is null ? null : json.Value.SerializerOptions.GetTypeInfo(bodyType).Properties.FirstOrDefault(p => p.Name == field);
        if (property is null)
        {
            errors.Add(field, "没有这个字段；字段名区分大小写，用 camelCase (no such property; names are case-sensitive camelCase)");
        }
        else if (error.Message.StartsWith("Duplicate", StringComparison.Ordinal))
        {
            // System.Text.Json's messages are not localised, so this prefix is stable; at worst the type hint below is shown.
            errors.Add(field, "字段重复出现 (the property appears more than once)");
        }
        else
        {
            errors.Add(field, Expected(property.PropertyType));
        }
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var names = StrictEnumConverterFactory.WireNames(type);
            return $"须为以下之一：{string.Join("、", names)} (must be one of: {string.Join(", ", names)})";
        }

        return type switch
        {
            _ when type == typeof(long) || type == typeof(int) => "须为整数，写作 JSON 数字，不加引号 (must be a whole JSON number, not in quotes)",
            _ when type == typeof(long[]) || type == typeof(int[]) => "须为整数数组，每项写作 JSON 数字，不加引号 (must be an array of whole JSON numbers)",
            _ when type == typeof(bool) => "须为 true 或 false (must be true or false)",
            _ when type == typeof(string) => "须为字符串 (must be a string)",
            _ => "值的类型不对 (wrong type)",
        };
    }

    /// <summary><c>$.amountFen</c> → <c>amountFen</c>, <c>$.tiersFen[2]</c> → <c>tiersFen</c>, <c>$['a b']</c> → <c>a b</c>; the root is null.</summary>
    private static string? FieldOf(string? path)
    {
        var match = PathHead().Match(path ?? "");
        return match.Success ? (match.Groups["dotted"].Success ? match.Groups["dotted"].Value : match.Groups["quoted"].Value) : null;
    }

    [GeneratedRegex(@"^\$(?:\.(?<dotted>[^.\[]+)|\['(?<quoted>(?:[^']|\\')*)'\])")]
    private static partial Regex PathHead();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>.+)\\.$")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \".*\"\\.$", RegexOptions.Singleline)]
    private static partial Regex UnboundParameter();
}
