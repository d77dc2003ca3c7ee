using System.Net.Http.Json;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// One row of the authorization matrix: a route as the server's endpoint data source names it (method,
/// or <c>*</c> for a route that takes any, and its pattern), the answer each caller is owed, and how to
/// make the request — parameters filled from the row's <see cref="MatrixWorld"/>, with a valid body, so
/// the answer reflects who is asking and not what was sent.
/// </summary>
internal sealed record RouteCase(string Method, string Pattern, Expect Expect, Func<MatrixWorld, Caller, Task<HttpRequestMessage>> Request)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>False for a route that answers another system in its own format (the provider's notice route).</summary>
    public bool RefusalsAreProblems { get; init; } = true;

    public override string ToString() => Key;

    public static RouteCase Row(string method, string pattern, Expect expect, Func<MatrixWorld, HttpRequestMessage> request) =>
        new(method, pattern, expect, (world, _) => Task.FromResult(request(world)));

    public static RouteCase Row(string method, string pattern, Expect expect, Func<MatrixWorld, Caller, Task<HttpRequestMessage>> request) =>
        new(method, pattern, expect, request);

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public static HttpRequestMessage Post(string path, object? body = null) =>
        new(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: CharityDayApp.Json) };

    public static HttpRequestMessage Put(string path, object body) =>
        new(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: CharityDayApp.Json) };
}
