using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.Integration.Tests;

/// <summary>The tests that share one local cluster run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "local cluster";
}

/// <summary>
/// One local cluster (<c>deploy/local-cluster.sh up --nodes 3</c>: PostgreSQL, Redis, three nodes of one
/// published build, HAProxy) for the cluster tests; each test leaves it with every node running.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("charityday-cluster-").FullName;

    public LocalCluster Cluster { get; private set; } = null!;

    public static object Pledge(string pledgeId, string deskId, long amountFen) => new
    {
        pledgeId,
        deskId,
        amountFen,
        donorName = "集群演练企业",
        donorKind = "enterprise",
        anonymous = false,
    };

    public async Task InitializeAsync()
    {
        var build = Path.GetDirectoryName(await ServerBuild.PublishAsync(Path.Combine(_work, "build")))!;
        Cluster = await LocalCluster.UpAsync(new LocalClusterOptions { Nodes = 3, Build = build, Directory = Path.Combine(_work, "cluster") });
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    public async Task<string> SignInAsync(Uri node, string deskId)
    {
        using var anonymous = new HttpClient { BaseAddress = node };
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/desk", new { eventId = "demo", deskId, accessCode = Cluster.DemoDeskCodes[deskId] });
        signIn.EnsureSuccessStatusCode();
        return (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<Dictionary<string, string>> SignInAllDesksAsync(Uri node)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var deskId in Cluster.DemoDeskCodes.Keys)
        {
            tokens[deskId] = await SignInAsync(node, deskId);
        }

        return tokens;
    }

    /// <summary>Whether every desk acknowledges a pledge now (one small pledge each; 503 or a timeout is no).</summary>
    public static async Task<bool> EveryDeskAcceptsAsync(Uri node, IReadOnlyDictionary<string, string> tokens)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(2) };
        var answers = await Task.WhenAll(tokens.Select(async desk =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/demo/pledges")
            {
                Content = JsonContent.Create(Pledge(Guid.NewGuid().ToString("N"), desk.Key, 100)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk.Value);
            try
            {
                using var response = await http.SendAsync(request);
                return response.IsSuccessStatusCode;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }));
        return answers.All(accepted => accepted);
    }
}
