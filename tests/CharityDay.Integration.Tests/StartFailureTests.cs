namespace CharityDay.Integration.Tests;

/// <summary>
/// A node that cannot do its job does not come up half-working: a wrong setting or a service that does
/// not answer stops the start with one line naming the setting, and exit code 1 (a service manager's
/// restart-on-failure then sees a failure, not a crash dump).
/// </summary>
public sealed class StartFailureTests : IDisposable
{
    private readonly List<string> _folders = [];

    [Fact]
    public async Task Redis_that_does_not_answer_stops_a_cluster_node_naming_the_setting()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var output = await FailedStartAsync(
            ("ConnectionStrings__Postgres", database.ConnectionString),
            ("ConnectionStrings__Redis", $"127.0.0.1:{FreePort.Next()},abortConnect=false"),
            ("Orleans__AdvertisedIPAddress", "127.0.0.1"));

        Assert.Contains("Charity Day Live did not start: Redis at 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("(ConnectionStrings:Redis) did not answer", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSQL_that_does_not_answer_stops_the_start_naming_the_setting()
    {
        var output = await FailedStartAsync(("ConnectionStrings__Postgres", Postgres("charityday")));

        Assert.Contains("Charity Day Live did not start: Cannot use PostgreSQL at 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("(ConnectionStrings:Postgres)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_node_without_an_advertised_address_or_a_bad_proxy_address_does_not_start()
    {
        var noAddress = await FailedStartAsync(
            ("ConnectionStrings__Postgres", Postgres("charityday")),
            ("ConnectionStrings__Redis", "127.0.0.1:6379"));
        var badProxy = await FailedStartAsync(("CharityDay__TrustedProxies__0", "balancer.venue"));

        Assert.Contains("Orleans:AdvertisedIPAddress is required in cluster mode", noAddress, StringComparison.Ordinal);
        Assert.Contains("CharityDay:TrustedProxies 'balancer.venue' is neither an IP address nor a network", badProxy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_node_refuses_the_demo_cashier_and_an_unknown_provider()
    {
        var demo = await FailedStartAsync(("ConnectionStrings__Postgres", Postgres("charityday")), ("Payments__Provider", "demo"));
        var unknown = await FailedStartAsync(("Payments__Provider", "alipay-maybe"));
        var badKey = await FailedStartAsync(("Payments__Provider", "wechatpay"), ("Payments__WeChatPay__MchId", "1230000109"),
            ("Payments__WeChatPay__ApiV3Key", "short-and-secret"));

        Assert.Contains("Payments:Provider is 'demo' (the 演示收银台, which pays without money) on a production node", demo, StringComparison.Ordinal);
        Assert.Contains("Payments:Provider must be 'wechatpay', 'demo' (embedded mode only) or empty, not 'alipay-maybe'", unknown, StringComparison.Ordinal);
        Assert.Contains("Payments:WeChatPay:ApiV3Key", badKey, StringComparison.Ordinal);
        Assert.DoesNotContain("short-and-secret", badKey, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A PostgreSQL connection string to a port nothing listens on.</summary>
    private static string Postgres(string database) =>
        $"Host=127.0.0.1;Port={FreePort.Next()};Username=charityday;Password=secret-password;Database={database};Timeout=3";

    private async Task<string> FailedStartAsync(params (string Key, string Value)[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("charityday-start-").FullName;
        _folders.Add(folder);
        await using var server = ServerProcess.Launch(new ServerProcessOptions
        {
            DataDirectory = folder,
            Environment = settings.ToDictionary(s => s.Key, s => s.Value),
        });

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("Unhandled exception", server.Output, StringComparison.Ordinal);
        return server.Output;
    }
}
