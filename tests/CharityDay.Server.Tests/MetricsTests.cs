using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using CharityDay.Grains.Ledger;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests;

/// <summary>
/// What a night crew reads from <c>/metrics</c>. The meters are process-wide, so these tests run alone
/// (no other test's requests in between) and compare a scrape after the action with one before it.
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    private const string AckCount = "charityday_api_ack_duration_seconds_count";
    private const string AckSum = "charityday_api_ack_duration_seconds_sum";
    private const string Refused = "charityday_api_refused_total";
    private const string Failed = "charityday_api_failed_total";
    private const string Pushes = "charityday_live_pushes_total";
    private const string Connections = "charityday_live_connections";
    private const string PledgesRoute = "/api/events/{eventId}/pledges";

    [Fact]
    public async Task Acknowledged_pledges_and_donations_show_in_the_ack_latency_histogram_by_channel_and_outcome()
    {
        var codes = await app.CreateLiveEventAsync("metrics-ack", "desk-a");
        using var desk = await app.OperatorAsync("metrics-ack", "desk-a", codes["desk-a"]);
        using var phone = app.Anonymous();
        var before = await ScrapedMetrics.ReadAsync(phone);

        var pledge = Pledges.Stage("desk-a", 500_000_00);
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/api/events/metrics-ack/pledges", pledge)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync("/api/events/metrics-ack/pledges", pledge)).StatusCode);
        await Donations.OrderAsync(phone, "metrics-ack", Donations.Body(200_00L));

        (string, string)[] stageRecorded = [("channel", "stage"), ("outcome", "recorded")];
        (string, string)[] stageReplayed = [("channel", "stage"), ("outcome", "replayed")];
        (string, string)[] onlineRecorded = [("channel", "online"), ("outcome", "ordered")];
        var after = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(phone), metrics =>
            metrics.Sum(AckCount, stageRecorded) > before.Sum(AckCount, stageRecorded)
            && metrics.Sum(AckCount, stageReplayed) > before.Sum(AckCount, stageReplayed)
            && metrics.Sum(AckCount, onlineRecorded) > before.Sum(AckCount, onlineRecorded));

        Assert.Equal(before.Sum(AckCount, stageRecorded) + 1, after.Sum(AckCount, stageRecorded));
        Assert.Equal(before.Sum(AckCount, stageReplayed) + 1, after.Sum(AckCount, stageReplayed));
        Assert.Equal(before.Sum(AckCount, onlineRecorded) + 1, after.Sum(AckCount, onlineRecorded));
        Assert.True(after.Sum(AckSum, stageRecorded) > before.Sum(AckSum, stageRecorded), "the time to the ack is measured");
        Assert.True(after.Has("charityday_api_ack_duration_seconds_bucket", ("channel", "stage"), ("le", "0.1")), "buckets in seconds");
    }

    [Fact]
    public async Task A_refused_bad_input_and_a_missing_sign_in_count_as_refused_by_status_and_route()
    {
        var codes = await app.CreateLiveEventAsync("metrics-refused", "desk-a");
        using var desk = await app.OperatorAsync("metrics-refused", "desk-a", codes["desk-a"]);
        using var stranger = app.Anonymous();
        var before = await ScrapedMetrics.ReadAsync(stranger);

        var bad = await desk.PostAsJsonAsync("/api/events/metrics-refused/pledges", Pledges.Stage("desk-a", -5));
        var unsigned = await stranger.PostAsJsonAsync("/api/events/metrics-refused/pledges", Pledges.Stage("desk-a", 100));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized), (bad.StatusCode, unsigned.StatusCode));
        (string, string)[] badInput = [("http_response_status_code", "400"), ("http_route", PledgesRoute)];
        (string, string)[] noSignIn = [("http_response_status_code", "401"), ("http_route", PledgesRoute)];
        var after = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(stranger), metrics =>
            metrics.Sum(Refused, badInput) > before.Sum(Refused, badInput) && metrics.Sum(Refused, noSignIn) > before.Sum(Refused, noSignIn));
        Assert.Equal(before.Sum(Refused, badInput) + 1, after.Sum(Refused, badInput));
        Assert.Equal(before.Sum(Refused, noSignIn) + 1, after.Sum(Refused, noSignIn));
        Assert.Equal(before.Sum(AckCount, ("channel", "stage"), ("outcome", "refused")) + 2, after.Sum(AckCount, ("channel", "stage"), ("outcome", "refused")));
        Assert.Equal(before.Sum(Failed), after.Sum(Failed));
    }

    [Fact]
    public async Task A_payment_the_ledger_cannot_take_is_answered_503_and_counts_as_failed()
    {
        await using var plain = new CharityDayApp();
        await using var broken = plain.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton<IPledgeLedger>(provider => new UnwritableLedger(ActivatorUtilities.CreateInstance<SqlPledgeLedger>(provider)))));
        using var admin = broken.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", CharityDayApp.AdminKey);
        (await admin.PostAsJsonAsync("/api/events", new { id = "metrics-failed", title = "断库", goalFen = 1L, tiersFen = Array.Empty<long>(), milestonesFen = Array.Empty<long>() }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/events/metrics-failed/open", null)).EnsureSuccessStatusCode();
        var before = await ScrapedMetrics.ReadAsync(admin);

        var order = await Donations.OrderAsync(admin, "metrics-failed", Donations.Body(100_00L));
        using var cashier = broken.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await cashier.PostAsync(order.GetProperty("payment").GetProperty("url").GetString(), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        (string, string)[] unavailable = [("http_response_status_code", "503"), ("http_route", "/pay/demo/{orderNo}")];
        var after = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(admin), metrics => metrics.Sum(Failed, unavailable) > before.Sum(Failed, unavailable));
        Assert.Equal(before.Sum(Failed, unavailable) + 1, after.Sum(Failed, unavailable));
        Assert.Equal(before.Sum(Refused), after.Sum(Refused));
    }

    [Fact]
    public async Task A_stopping_node_answering_its_balancer_not_ready_counts_as_no_failed_request()
    {
        await using var stopping = new CharityDayApp();
        using var client = stopping.CreateClient();
        var before = await ScrapedMetrics.ReadAsync(client);

        await stopping.Services.GetRequiredService<CharityDay.Server.Health.ShutdownDrain>().StoppingAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        // A refused request after them: once the scrape shows it, it shows the health checks too.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/events/no-such-event")).StatusCode);

        var after = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(client), metrics => metrics.Sum(Refused) > before.Sum(Refused));
        Assert.Equal(before.Sum(Failed), after.Sum(Failed));
    }

    [Theory]
    [InlineData("Watch", "screens")]
    [InlineData("Follow", "viewers")]
    public async Task A_watched_push_counts_for_its_audience_and_the_watcher_is_an_open_connection_until_it_leaves(string join, string audience)
    {
        var eventId = "metrics-" + audience;
        var codes = await app.CreateLiveEventAsync(eventId, "desk-a");
        using var desk = await app.OperatorAsync(eventId, "desk-a", codes["desk-a"]);
        using var scraper = app.Anonymous();
        var before = await ScrapedMetrics.ReadAsync(scraper);
        var pushes = Channel.CreateUnbounded<JsonElement>();

        await using var watcher = await ConnectAsync(pushes);
        Assert.NotEqual(JsonValueKind.Null, (await watcher.InvokeAsync<JsonElement>(join, eventId)).ValueKind);
        (await desk.PostAsJsonAsync($"/api/events/{eventId}/pledges", Pledges.Stage("desk-a", 100_000_00))).EnsureSuccessStatusCode();
        using (var deadline = new CancellationTokenSource(Eventually.Deadline))
        {
            while ((await pushes.Reader.ReadAsync(deadline.Token)).GetProperty("totalFen").GetInt64() != 100_000_00)
            {
            }
        }

        var watching = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(scraper), metrics =>
            metrics.Sum(Pushes, ("audience", audience)) > before.Sum(Pushes, ("audience", audience))
            && metrics.Sum(Connections, ("audience", audience)) > before.Sum(Connections, ("audience", audience)));
        await watcher.DisposeAsync();
        var left = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(scraper), metrics =>
            metrics.Sum(Connections, ("audience", audience)) == before.Sum(Connections, ("audience", audience)));

        Assert.True(watching.Sum(Pushes, ("audience", audience)) > before.Sum(Pushes, ("audience", audience)), $"a push to the {audience} was counted");
        Assert.Equal(before.Sum(Connections, ("audience", audience)) + 1, watching.Sum(Connections, ("audience", audience)));
        Assert.Equal(before.Sum(Connections, ("audience", "none")), watching.Sum(Connections, ("audience", "none")));
        Assert.Equal(before.Sum(Connections, ("audience", audience)), left.Sum(Connections, ("audience", audience)));
    }

    [Fact]
    public async Task The_metrics_carry_no_donor_name_token_key_access_code_or_id()
    {
        var codes = await app.CreateLiveEventAsync("metrics-quiet", "desk-a");
        using var desk = await app.OperatorAsync("metrics-quiet", "desk-a", codes["desk-a"]);
        using var phone = app.Anonymous();
        var before = await ScrapedMetrics.ReadAsync(phone);
        var pledgeId = Pledges.NewId();
        var donationId = Pledges.NewId();

        (await desk.PostAsJsonAsync("/api/events/metrics-quiet/pledges", Pledges.Stage("desk-a", 300_00, pledgeId, "隐名捐赠企业甲"))).EnsureSuccessStatusCode();
        await Donations.GiveAsync(app, "metrics-quiet", 100L, "网友乙某", donationId);
        await phone.PostAsJsonAsync("/api/events/metrics-quiet/pledges", new { pledgeId = "bad id with spaces", donorName = "拒收丙某" });
        var after = await Eventually.ReadAsync(() => ScrapedMetrics.ReadAsync(phone), metrics =>
            metrics.Sum(AckCount, ("channel", "online")) > before.Sum(AckCount, ("channel", "online")));

        Assert.True(after.Sum(AckCount, ("channel", "online")) > before.Sum(AckCount, ("channel", "online")));
        var secrets = new[]
        {
            "隐名捐赠企业甲", "网友乙某", "拒收丙某", desk.DefaultRequestHeaders.Authorization!.Parameter!, CharityDayApp.AdminKey,
            pledgeId, donationId, "metrics-quiet",
        };
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, after.Text, StringComparison.Ordinal));

        // Six digits turn up in numbers by chance; as a whole label value they would be the code.
        Assert.DoesNotContain(codes["desk-a"], after.LabelValues);
    }

    private async Task<HubConnection> ConnectAsync(Channel<JsonElement> pushes)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions = CharityDayApp.Json)
            .Build();
        connection.On<JsonElement>("total", push => pushes.Writer.TryWrite(push));
        await connection.StartAsync();
        return connection;
    }
}

/// <summary>The metrics tests run after the others and alone: the meters count every server in the process.</summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsRunAlone;
