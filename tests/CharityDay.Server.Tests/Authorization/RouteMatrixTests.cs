using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// The authorization matrix: every route the server maps × every <see cref="Caller"/>, each answered as
/// <see cref="RouteTable"/> declares. The routes come from the server's own endpoint data source, so a
/// route added without a row (or a row left for a route removed) fails here by name.
/// </summary>
public sealed class RouteMatrixTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    public static TheoryData<string> Routes => new(RouteTable.All.Select(row => row.Key));

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_caller_gets_the_answer_the_table_declares(string route)
    {
        var row = RouteTable.Find(route);
        var world = await MatrixWorld.CreateAsync(matrix.App);
        using var client = matrix.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var wrong = new List<string>();

        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var request = await row.Request(world, caller);
            request.Headers.Authorization = world.Credential(caller);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode != row.Expect[caller])
            {
                var body = await response.Content.ReadAsStringAsync();
                wrong.Add($"{caller}: expected {(int)row.Expect[caller]}, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
            else if (row.RefusalsAreProblems && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !await IsProblemAsync(response))
            {
                wrong.Add($"{caller}: {(int)response.StatusCode} is not a problem+json titled Chinese first");
            }
        }

        Assert.True(wrong.Count == 0, $"{route}:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void The_table_has_one_row_for_each_route_the_server_maps()
    {
        var mapped = matrix.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => $"{Methods(endpoint)} {endpoint.RoutePattern.RawText}")
            .ToHashSet();
        var rows = RouteTable.All.Select(row => row.Key).ToList();

        Assert.Empty(rows.GroupBy(key => key).Where(group => group.Count() > 1).Select(group => "twice in RouteTable: " + group.Key)
            .Concat(mapped.Except(rows).Select(key => "mapped but not in RouteTable: " + key))
            .Concat(rows.Except(mapped).Select(key => "in RouteTable but not mapped: " + key)));
    }

    /// <summary>A refusal says why, as every error does: RFC 7807, its title in Chinese first, then English in parentheses.</summary>
    private static async Task<bool> IsProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString() ?? "";
        return title.Length > 0 && title[0] >= '\u2e80' && title.Contains(" (", StringComparison.Ordinal) && title.EndsWith(')');
    }

    private static string Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods ? string.Join(',', methods.HttpMethods) : "*";
}
